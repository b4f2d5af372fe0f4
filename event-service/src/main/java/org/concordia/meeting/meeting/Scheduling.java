package org.concordia.meeting.meeting;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownMembership;
import org.concordia.meeting.directory.KnownOrganization;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.directory.KnownProject;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.meeting.meeting.model.Organizer;
import org.concordia.meeting.meeting.model.Series;
import org.concordia.platform.application.Created;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A coordinator schedules a meeting or a series for their organization. Costs a bounded number of store operations
 * whatever the targets stand for: the targets are checked by id, never expanded.
 */
@Service
public class Scheduling {

    /** Deeper organization hierarchies than this are broken data, not followed further. */
    private static final int MAX_DEPTH = 16;

    private final Meetings meetings;
    private final Directory directory;
    private final Invitations invitations;
    private final Conflicts conflicts;
    private final Clock clock;

    Scheduling(Meetings meetings, Directory directory, Invitations invitations, Conflicts conflicts, Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.invitations = invitations;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    public Created<Scheduled> schedule(ScheduleMeeting request) {
        Optional<Meeting> existing = meetings.byId(request.id());
        if (existing.isPresent()) {
            return Created.existing(new Scheduled(existing.get(), List.of()));
        }
        Organizer organizer = organizer(request.organizerId(), request.organizationId());
        checkProject(request.projectId(), request.milestoneId(), request.organizationId());
        List<Invited> invited = invitations.check(request.targets(), request.projectId());
        Meeting meeting = Meeting.schedule(
                request.id(),
                organizer,
                request.projectId(),
                request.milestoneId(),
                request.details(),
                request.timing(),
                request.rrule(),
                request.targets(),
                invited,
                clock.instant());
        try {
            Meeting stored = meetings.add(meeting);
            return Created.created(new Scheduled(stored, conflicts.of(stored)));
        } catch (DuplicateKeyException raced) {
            return Created.existing(new Scheduled(meetings.byId(request.id()).orElseThrow(() -> raced), List.of()));
        }
    }

    /**
     * The invitees who accepted another meeting overlapping a draft, checked as scheduling would check it (organizer,
     * project, targets, time and series) but kept nowhere and published nowhere.
     */
    public List<Conflict> conflictsOf(DraftMeeting draft) {
        organizer(draft.organizerId(), draft.organizationId());
        checkProject(draft.projectId(), null, draft.organizationId());
        if (draft.targets().isEmpty()) {
            throw new RuleViolationException("a meeting invites at least one person or organization", "targets");
        }
        invitations.check(draft.targets(), draft.projectId());
        Series series = draft.rrule() == null ? null : Series.plan(draft.rrule(), draft.timing());
        return conflicts.ofDraft(draft.organizerId(), draft.projectId(), draft.targets(), draft.timing(), series);
    }

    /**
     * The organizer must be a known person who coordinates the (known, active) organizing organization, or an
     * organization above it (a movement's coordinator organizes for its chapters).
     */
    private Organizer organizer(String personId, String organizationId) {
        KnownOrganization organization = directory
                .organization(organizationId)
                .filter(o -> !o.archived())
                .orElseThrow(() -> new RuleViolationException(
                        "Organization " + organizationId + " is unknown or archived; event-service learns"
                                + " organizations from organization-events",
                        "organizationId"));
        KnownPerson person = directory
                .person(personId)
                .orElseThrow(() -> new RuleViolationException("Person " + personId + " is not known", "organizerId"));
        if (!coordinates(personId, organization)) {
            throw new RuleViolationException(
                    person.fullName() + " does not coordinate " + organization.name(), "organizerId");
        }
        return new Organizer(person.id(), person.fullName(), person.email(), organization.id());
    }

    private boolean coordinates(String personId, KnownOrganization organization) {
        Set<String> seen = new HashSet<>();
        Optional<KnownOrganization> current = Optional.of(organization);
        while (current.isPresent()
                && seen.size() < MAX_DEPTH
                && seen.add(current.get().id())) {
            boolean coordinator = directory
                    .membership(current.get().id(), personId)
                    .map(KnownMembership::roles)
                    .map(roles -> roles.contains("coordinator"))
                    .orElse(false);
            if (coordinator) {
                return true;
            }
            current = Optional.ofNullable(current.get().parentId()).flatMap(directory::organization);
        }
        return false;
    }

    private void checkProject(@Nullable String projectId, @Nullable String milestoneId, String organizationId) {
        if (projectId == null) {
            return;
        }
        KnownProject project = directory
                .project(projectId)
                .orElseThrow(() -> new RuleViolationException("Project " + projectId + " is not known", "projectId"));
        if (!project.takesPart(organizationId)) {
            throw new RuleViolationException(
                    "The organizing organization takes no part in project " + project.id(), "projectId");
        }
        if (milestoneId != null && project.milestone(milestoneId).isEmpty()) {
            throw new RuleViolationException(
                    "Milestone " + milestoneId + " is not a milestone of the project", "milestoneId");
        }
    }
}
