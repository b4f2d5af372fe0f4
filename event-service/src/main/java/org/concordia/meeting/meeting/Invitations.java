package org.concordia.meeting.meeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.concordia.meeting.meeting.model.Meetings;
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

    /** How far up a member's organization the chapters are followed to find the networks it belongs to. */
    private static final int MAX_DEPTH = 10;

    private final Directory directory;
    private final Meetings meetings;

    Invitations(Directory directory, Meetings meetings) {
        this.directory = directory;
        this.meetings = meetings;
    }

    /**
     * The meetings a person is invited to through any target, or organizes; the newest {@code limit} by start.
     * Bounded by the person's own memberships: those (one query), the organizations above them (a few look-ups
     * each), the projects their organizations take part in (one query), and the meetings naming any of these (one
     * query); whether a meeting's roles let the person in is then decided in memory.
     */
    public List<Meeting> inviting(String personId, int limit) {
        List<KnownMembership> memberships = directory.membershipsOf(personId);
        Map<String, Set<String>> networksOf = new HashMap<>();
        Set<String> organizations = new LinkedHashSet<>();
        for (KnownMembership membership : memberships) {
            Set<String> above = networksOf.computeIfAbsent(membership.organizationId(), this::selfAndAbove);
            organizations.addAll(above);
        }
        Map<String, KnownProject> projects = new HashMap<>();
        directory.projectsOf(networksOf.keySet(), MAX_TARGETS).forEach(project -> projects.put(project.id(), project));
        return meetings.concerning(personId, organizations, projects.keySet(), limit).stream()
                .filter(meeting -> invites(meeting, personId, memberships, networksOf, projects))
                .toList();
    }

    private Set<String> selfAndAbove(String organizationId) {
        Set<String> chain = new LinkedHashSet<>();
        String current = organizationId;
        for (int depth = 0; current != null && depth < MAX_DEPTH && chain.add(current); depth++) {
            current = directory
                    .organization(current)
                    .map(KnownOrganization::parentId)
                    .orElse(null);
        }
        return chain;
    }

    private static boolean invites(
            Meeting meeting,
            String personId,
            List<KnownMembership> memberships,
            Map<String, Set<String>> networksOf,
            Map<String, KnownProject> projects) {
        if (meeting.organizer().personId().equals(personId)) {
            return true;
        }
        for (Target target : meeting.targets()) {
            if (target.kind() == TargetKind.PERSON) {
                if (personId.equals(target.personId())) {
                    return true;
                }
                continue;
            }
            for (KnownMembership membership : memberships) {
                if (!membership.hasAnyRole(target.roles())) {
                    continue;
                }
                String organizationId = membership.organizationId();
                boolean covered = switch (target.kind()) {
                    case PERSON -> false;
                    case ORGANIZATION_MEMBERS -> organizationId.equals(target.organizationId());
                    case ORGANIZATION_NETWORK ->
                        networksOf.getOrDefault(organizationId, Set.of()).contains(target.organizationId());
                    case PROJECT_PARTNERS -> {
                        String projectId = target.projectId() != null ? target.projectId() : meeting.projectId();
                        KnownProject project = projectId == null ? null : projects.get(projectId);
                        yield project != null && project.takesPart(organizationId);
                    }
                };
                if (covered) {
                    return true;
                }
            }
        }
        return false;
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

    /**
     * Which of the given people the meeting invites, through any target: the organizer, the individually invited,
     * and members (with a wanted role) of the organizations the targets stand for. A bounded number of store
     * operations whatever the targets' size: the organizations of networks level by level, each project once, and
     * the people's memberships in those organizations in one query.
     */
    public Set<String> invitedAmong(Meeting meeting, Collection<String> personIds) {
        return invitedAmong(meeting.organizer().personId(), meeting.targets(), meeting.projectId(), personIds);
    }

    /** The same for a meeting not scheduled yet: its organizer, its targets and its project. */
    Set<String> invitedAmong(
            String organizerId, List<Target> targets, @Nullable String projectId, Collection<String> personIds) {
        Set<String> invited = new HashSet<>();
        Set<String> others = new LinkedHashSet<>(personIds);
        if (others.remove(organizerId)) {
            invited.add(organizerId);
        }
        for (Target target : targets) {
            if (target.kind() == TargetKind.PERSON && others.remove(target.personId())) {
                invited.add(target.personId());
            }
        }
        if (others.isEmpty()) {
            return invited;
        }
        Map<String, List<List<String>>> rolesByOrganization = new HashMap<>();
        for (Target target : targets) {
            for (String organizationId : organizationsOf(target, projectId)) {
                rolesByOrganization
                        .computeIfAbsent(organizationId, k -> new ArrayList<>())
                        .add(target.roles());
            }
        }
        for (KnownMembership membership : directory.memberships(rolesByOrganization.keySet(), others)) {
            boolean wanted = rolesByOrganization.getOrDefault(membership.organizationId(), List.of()).stream()
                    .anyMatch(membership::hasAnyRole);
            if (wanted) {
                invited.add(membership.personId());
            }
        }
        return invited;
    }

    /** The organizations whose members a target invites; none for a personal invitation. */
    private List<String> organizationsOf(Target target, @Nullable String meetingProjectId) {
        return switch (target.kind()) {
            case PERSON -> List.of();
            case ORGANIZATION_MEMBERS -> List.of(target.organizationId());
            case ORGANIZATION_NETWORK -> directory.network(target.organizationId());
            case PROJECT_PARTNERS -> {
                String projectId = target.projectId() != null ? target.projectId() : meetingProjectId;
                yield projectId == null
                        ? List.of()
                        : directory.project(projectId).map(Invitations::taking).orElse(List.of());
            }
        };
    }

    private static List<String> taking(KnownProject project) {
        List<String> organizations = new ArrayList<>();
        if (project.leadOrganizationId() != null) {
            organizations.add(project.leadOrganizationId());
        }
        project.partnerStatuses().forEach((org, status) -> {
            if ("accepted".equals(status)) {
                organizations.add(org);
            }
        });
        return organizations;
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
                        List<String> organizations = taking(p);
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
