package org.concordia.notification.announcement;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What writing and reporting announcements ask the recipients' read model: who coordinates what, which
 * organizations, projects and meetings belong to whom, people's languages and countries. Read only.
 */
public interface Directory {

    /** An organization as learnt from organization-events. */
    record Organization(
            String id,
            String name,
            @Nullable String parentId,
            @Nullable String country,
            List<String> languages) {
        public Organization {
            languages = List.copyOf(languages);
        }
    }

    /** A person as the fan-out addresses them. */
    record Person(String id, String name, @Nullable String language) {}

    Optional<Organization> organization(String organizationId);

    Optional<Person> person(String personId);

    /** Whether the person is an active coordinator of one of the organizations. */
    boolean coordinates(String personId, List<String> organizationIds);

    /** The organization and its chapters and representations, at any depth. */
    List<String> network(String organizationId);

    /** The organizations in an active partnership with this one, on either side. */
    List<String> partners(String organizationId);

    /** The lead organization of the project, when known. */
    Optional<String> projectLead(String projectId);

    /** The organizing organization of the meeting, when known. */
    Optional<String> meetingOrganizer(String meetingId);

    /**
     * Each person's country for those reached through no organization (a meeting's participants): that of the first
     * organization they are an active member of; absent when none.
     */
    Map<String, String> countries(Collection<String> personIds);

    /** Each organization's country, for those that have one. */
    Map<String, String> organizationCountries(Collection<String> organizationIds);

    /** The people, by id. */
    Map<String, Person> people(Collection<String> personIds);
}
