package org.concordia.meeting.meeting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownMembership;
import org.concordia.meeting.directory.KnownOrganization;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.directory.KnownProject;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Invitation targets against the read models: checking them when a meeting is scheduled (a bounded number of look-ups
 * whatever the targets stand for), telling whether one person is invited (by their own memberships, never by listing
 * an organization's members), and streaming the people a target stands for, in batches, for the time-zone views.
 */
@Component
public class Invitations {

    public static final int MAX_TARGETS = 200;
    private static final int BATCH = 1000;

    private final Directory directory;

    Invitations(Directory directory) {
        this.directory = directory;
    }

    /** Checks that every target names something known; returns the individually invited people. */
    List<Invited> check(List<Target> targets, @Nullable String meetingProjectId) {
        if (targets.size() > MAX_TARGETS) {
            throw new RuleViolationException("at most " + MAX_TARGETS + " invitation targets", "targets");
        }
        Set<String> personIds = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String field = "targets[" + i + "]";
            switch (target.kind()) {
                case PERSON -> personIds.add(required(target.personId(), field + ".personId"));
                case ORGANIZATION_MEMBERS, ORGANIZATION_NETWORK -> {
                    String id = required(target.organizationId(), field + ".organizationId");
                    Optional<KnownOrganization> known = directory.organization(id);
                    if (known.isEmpty() || known.get().archived()) {
                        throw new RuleViolationException(
                                "Organization " + id + " is unknown or archived", field + ".organizationId");
                    }
                }
                case PROJECT_PARTNERS -> {
                    String id = target.projectId() != null ? target.projectId() : meetingProjectId;
                    if (id == null || directory.project(id).isEmpty()) {
                        throw new RuleViolationException("Project " + id + " is not known", field + ".projectId");
                    }
                }
            }
        }
        Map<String, KnownPerson> known = directory.people(personIds);
        List<Invited> invited = new ArrayList<>();
        int index = 0;
        for (Target target : targets) {
            if (target.kind() == TargetKind.PERSON) {
                KnownPerson person = known.get(target.personId());
                if (person == null) {
                    throw new RuleViolationException(
                            "Person " + target.personId() + " is not known", "targets[" + index + "].personId");
                }
                invited.add(new Invited(
                        person.id(),
                        null,
                        person.fullName(),
                        person.email(),
                        person.preferredLanguage(),
                        person.timeZone()));
            }
            index++;
        }
        return invited;
    }

    /**
     * Whether the person is invited, and on behalf of which organization: the first organization target they are a
     * member of (with a wanted role), or none for a personal invitation. Bounded by the person's own memberships.
     */
    public Optional<Invitation> of(Meeting meeting, String personId) {
        boolean personally = meeting.targets().stream()
                .anyMatch(t -> t.kind() == TargetKind.PERSON && personId.equals(t.personId()));
        if (meeting.organizer().personId().equals(personId)) {
            return Optional.of(new Invitation(personId, meeting.organizer().organizationId()));
        }
        List<KnownMembership> memberships = null;
        for (Target target : meeting.targets()) {
            if (target.kind() == TargetKind.PERSON) {
                continue;
            }
            if (memberships == null) {
                memberships = directory.membershipsOf(personId);
            }
            for (KnownMembership membership : memberships) {
                if (membership.hasAnyRole(target.roles()) && covers(meeting, target, membership.organizationId())) {
                    return Optional.of(new Invitation(personId, membership.organizationId()));
                }
            }
        }
        return personally ? Optional.of(new Invitation(personId, null)) : Optional.empty();
    }

    private boolean covers(Meeting meeting, Target target, String organizationId) {
        return switch (target.kind()) {
            case PERSON -> false;
            case ORGANIZATION_MEMBERS -> organizationId.equals(target.organizationId());
            case ORGANIZATION_NETWORK -> inNetwork(organizationId, target.organizationId());
            case PROJECT_PARTNERS -> {
                String projectId = target.projectId() != null ? target.projectId() : meeting.projectId();
                yield projectId != null
                        && directory
                                .project(projectId)
                                .map(p -> p.takesPart(organizationId))
                                .orElse(false);
            }
        };
    }

    /** Walks up from the member's organization; networks are shallow, so this is a few look-ups. */
    private boolean inNetwork(String organizationId, @Nullable String root) {
        String current = organizationId;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current.equals(root)) {
                return true;
            }
            current = directory
                    .organization(current)
                    .map(KnownOrganization::parentId)
                    .orElse(null);
        }
        return false;
    }

    /**
     * Streams every person the targets stand for, each once per target kind resolution, in batches; memory stays
     * bounded by the batch, not by the size of the network.
     */
    public void resolve(List<Target> targets, @Nullable String meetingProjectId, Consumer<List<KnownPerson>> batch) {
        List<String> people = new ArrayList<>();
        for (Target target : targets) {
            switch (target.kind()) {
                case PERSON -> people.add(target.personId());
                case ORGANIZATION_MEMBERS ->
                    directory.membersOf(List.of(target.organizationId()), target.roles(), BATCH, batch);
                case ORGANIZATION_NETWORK ->
                    directory.membersOf(directory.network(target.organizationId()), target.roles(), BATCH, batch);
                case PROJECT_PARTNERS -> {
                    String projectId = target.projectId() != null ? target.projectId() : meetingProjectId;
                    Optional<KnownProject> project =
                            projectId == null ? Optional.empty() : directory.project(projectId);
                    project.ifPresent(p -> {
                        List<String> organizations = new ArrayList<>();
                        if (p.leadOrganizationId() != null) {
                            organizations.add(p.leadOrganizationId());
                        }
                        p.partnerStatuses().forEach((org, status) -> {
                            if ("accepted".equals(status)) {
                                organizations.add(org);
                            }
                        });
                        if (!organizations.isEmpty()) {
                            directory.membersOf(organizations, target.roles(), BATCH, batch);
                        }
                    });
                }
            }
        }
        if (!people.isEmpty()) {
            Map<String, KnownPerson> known = new HashMap<>(directory.people(people));
            batch.accept(people.stream()
                    .distinct()
                    .map(known::get)
                    .filter(p -> p != null)
                    .toList());
        }
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field + " is required for this kind of target", field);
        }
        return value;
    }

    /** A person's invitation, on behalf of an organization or personally ({@code organizationId} null). */
    public record Invitation(String personId, @Nullable String organizationId) {}
}
