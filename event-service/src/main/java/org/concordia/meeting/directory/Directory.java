package org.concordia.meeting.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the rest of the service may ask the read models. Every lookup is bounded: single items by {@code _id}, a
 * person's memberships, and members of an organization only as a stream of batches.
 */
public interface Directory {

    Optional<KnownPerson> person(String id);

    /** The known ones among the given people, by id; one store operation. */
    Map<String, KnownPerson> people(Collection<String> ids);

    Optional<KnownOrganization> organization(String id);

    /** The organization's chapters and representations, at any depth, itself included. */
    List<String> network(String organizationId);

    Optional<KnownMembership> membership(String organizationId, String personId);

    /**
     * The active memberships that the given people hold in the given organizations: by {@code _id} while the pairs
     * are few, else by the people (one query either way, whatever the organizations' size).
     */
    List<KnownMembership> memberships(Collection<String> organizationIds, Collection<String> personIds);

    /** A person's active memberships. */
    List<KnownMembership> membershipsOf(String personId);

    /**
     * Streams the active members of the organizations, in batches of at most {@code batchSize} people, without
     * holding them all in memory.
     */
    void membersOf(
            Collection<String> organizationIds, List<String> roles, int batchSize, Consumer<List<KnownPerson>> batch);

    Optional<KnownProject> project(String id);

    /** The projects that the organizations lead or take part in as accepted partners, at most {@code limit}. */
    List<KnownProject> projectsOf(Collection<String> organizationIds, int limit);
}
