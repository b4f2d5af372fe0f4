package org.concordia.meeting.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.meeting.access.AccessRules;
import org.concordia.meeting.access.AccessRules.Action;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.meeting.Cancelling;
import org.concordia.meeting.meeting.ChangingDetails;
import org.concordia.meeting.meeting.MarkingHeld;
import org.concordia.meeting.meeting.MilestoneNotice;
import org.concordia.meeting.meeting.Rescheduling;
import org.concordia.meeting.meeting.Scheduled;
import org.concordia.meeting.meeting.Scheduling;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = ApiText.MEETINGS)
class MeetingController {

    private final Scheduling scheduling;
    private final Rescheduling rescheduling;
    private final ChangingDetails changingDetails;
    private final Cancelling cancelling;
    private final MarkingHeld markingHeld;
    private final Browsing browsing;
    private final MilestoneNotice.Lookup milestones;
    private final AccessRules rules;

    MeetingController(
            Scheduling scheduling,
            Rescheduling rescheduling,
            ChangingDetails changingDetails,
            Cancelling cancelling,
            MarkingHeld markingHeld,
            Browsing browsing,
            MilestoneNotice.Lookup milestones,
            AccessRules rules) {
        this.scheduling = scheduling;
        this.rescheduling = rescheduling;
        this.changingDetails = changingDetails;
        this.cancelling = cancelling;
        this.markingHeld = markingHeld;
        this.browsing = browsing;
        this.milestones = milestones;
        this.rules = rules;
    }

    @PostMapping("/api/v1/meetings")
    @Operation(
            summary = "Schedule a meeting or a series",
            description = "For coordinators of the organizing organization (or of one above it); the organizer is the"
                    + " caller unless organizerId names another such coordinator. Online and hybrid meetings need"
                    + " an onlineLink, in-person and hybrid ones a venue; end after start; the registration deadline"
                    + " not after the start. Targets stay targets (a whole network is one target). The response lists"
                    + " invitees (through any target) who accepted an overlapping meeting (conflicts); the meeting is"
                    + " scheduled anyway."
                    + " Publishes concordia.meeting.scheduled.v1.")
    ResponseEntity<MeetingView> schedule(
            @Parameter(description = ApiText.IDEMPOTENCY_KEY)
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            @Valid @RequestBody ScheduleMeetingRequest request,
            Caller caller) {
        rules.requireToSchedule(caller, request.organizationId());
        String id = IdempotencyKeys.idFor("meeting", idempotencyKey);
        String organizerId = request.organizerId() != null ? request.organizerId() : caller.personId();
        return Responses.created(
                scheduling.schedule(request.toCommand(id, organizerId == null ? "" : organizerId)),
                // a retry may name a meeting of another organization: its caller sees what they may see
                s -> shown(caller, s.meeting(), view(s)),
                s -> version(s.meeting()),
                s -> "/api/v1/meetings/" + s.meeting().id());
    }

    @PostMapping("/api/v1/meetings/conflicts")
    @Operation(
            summary = "Check a draft meeting for conflicts",
            description = "Before scheduling: the invitees (through any target) and the organizer who accepted another"
                    + " meeting overlapping the draft's time, or any occurrence of its series, listed as scheduling"
                    + " lists them (conflicts). Same rule as scheduling (coordinators of the organizing organization"
                    + " or of one above it) and the same checks of organizer, project, targets, time and rrule."
                    + " Stores nothing and publishes nothing.")
    ConflictsView checkConflicts(@Valid @RequestBody ConflictCheckRequest request, Caller caller) {
        rules.requireToSchedule(caller, request.organizationId());
        String organizerId = request.organizerId() != null ? request.organizerId() : caller.personId();
        return new ConflictsView(scheduling.conflictsOf(request.toDraft(organizerId == null ? "" : organizerId)));
    }

    @GetMapping("/api/v1/meetings")
    @Operation(
            summary = "List meetings",
            description = "By start, then id. Any caller sees the public details; participants see the rest"
                    + " (visibility: participant).")
    PageView<MeetingView> list(
            @Parameter(description = "Only meetings of this organizing organization")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 64)
                    String organizationId,
            @Parameter(description = "Only meetings in this status") @RequestParam(required = false) @Nullable
                    MeetingStatus status,
            @Parameter(description = "Only meetings starting at or after this instant (ISO 8601 with offset)")
                    @RequestParam(required = false)
                    @Nullable
                    OffsetDateTime from,
            @Parameter(description = ApiText.PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE)
                    int page,
            @Parameter(description = ApiText.SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE)
                    int size,
            Caller caller) {
        return PageView.of(
                browsing.list(organizationId, status, from == null ? null : from.toInstant(), page, size),
                m -> shown(caller, m, MeetingView.of(m, milestones.of(m).orElse(null), null)));
    }

    @GetMapping("/api/v1/meetings/{id}")
    @Operation(
            summary = "Get a meeting",
            description = "With the state of its project milestone, if it has one. Any caller sees the public details"
                    + " (title, times, place, organizer's name, agenda); participants also see the invitees, their"
                    + " e-mail addresses, the online link and the minutes (visibility: participant).")
    ResponseEntity<MeetingView> get(@PathVariable String id, Caller caller) {
        Meeting meeting = browsing.get(id);
        return Responses.ok(
                shown(
                        caller,
                        meeting,
                        MeetingView.of(meeting, milestones.of(meeting).orElse(null), List.of())),
                version(meeting));
    }

    @PostMapping("/api/v1/meetings/{id}/reschedule")
    @Operation(
            summary = "Move a meeting or a whole series",
            description = "Registrations are kept; the SEQUENCE goes up; a series is planned again from its new first"
                    + " start, keeping its n-th occurrence cancelled or moved if it was (a moved one that would overlap"
                    + " another occurrence follows the new plan). Lists conflicts like scheduling."
                    + " Publishes concordia.meeting.rescheduled.v1 with the old and the new times.")
    ResponseEntity<MeetingView> reschedule(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody RescheduleRequest request,
            Caller caller) {
        rules.require(caller, Action.RESCHEDULE, browsing.get(id));
        Scheduled scheduled = rescheduling.reschedule(
                id,
                ETags.expectedVersion(ifMatch),
                request.start().toInstant(),
                request.end().toInstant(),
                request.timeZone());
        return Responses.ok(view(scheduled), version(scheduled.meeting()));
    }

    @PatchMapping("/api/v1/meetings/{id}")
    @Operation(
            summary = "Change a meeting's details",
            description = "Title, description, format, venue, link, agenda, capacity, seats, deadline, reminders;"
                    + " not its time (reschedule) nor its invitations. Publishes concordia.meeting.details-changed.v1"
                    + " listing what changed, unless nothing did.")
    ResponseEntity<MeetingView> change(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody DetailsPatch patch,
            Caller caller) {
        rules.require(caller, Action.CHANGE_DETAILS, browsing.get(id));
        return single(changingDetails.change(id, ETags.expectedVersion(ifMatch), patch::applyTo));
    }

    @PostMapping("/api/v1/meetings/{id}/cancel")
    @Operation(
            summary = "Cancel a meeting or a whole series",
            description = "Publishes concordia.meeting.cancelled.v1; cancelling again changes nothing.")
    ResponseEntity<MeetingView> cancel(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody(required = false) @Nullable ReasonRequest request,
            Caller caller) {
        rules.require(caller, Action.CANCEL, browsing.get(id));
        return single(cancelling.cancel(id, ETags.expectedVersion(ifMatch), request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/meetings/{id}/held")
    @Operation(
            summary = "Mark a meeting as held",
            description = "Once it has started; minutes may follow. Publishes concordia.meeting.held.v1.")
    ResponseEntity<MeetingView> held(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            Caller caller) {
        rules.require(caller, Action.MARK_HELD, browsing.get(id));
        return single(markingHeld.markHeld(id, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/api/v1/meetings/{id}/occurrences/{recurrenceId}/reschedule")
    @Operation(
            summary = "Move one occurrence of a series",
            description = "The occurrence is named by its planned start (recurrenceId, ISO 8601 with offset); the"
                    + " others stay. Lists the invitees who accepted another meeting overlapping the new time"
                    + " (conflicts). Publishes concordia.meeting.occurrence-rescheduled.v1.")
    ResponseEntity<MeetingView> moveOccurrence(
            @PathVariable String id,
            @PathVariable OffsetDateTime recurrenceId,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody RescheduleRequest request,
            Caller caller) {
        rules.require(caller, Action.CHANGE_OCCURRENCE, browsing.get(id));
        Scheduled moved = rescheduling.moveOccurrence(
                id,
                ETags.expectedVersion(ifMatch),
                recurrenceId.toInstant(),
                request.start().toInstant(),
                request.end().toInstant());
        return Responses.ok(view(moved), version(moved.meeting()));
    }

    @PostMapping("/api/v1/meetings/{id}/occurrences/{recurrenceId}/cancel")
    @Operation(
            summary = "Cancel one occurrence of a series",
            description = "Publishes concordia.meeting.occurrence-cancelled.v1; the others stay.")
    ResponseEntity<MeetingView> cancelOccurrence(
            @PathVariable String id,
            @PathVariable OffsetDateTime recurrenceId,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody(required = false) @Nullable ReasonRequest request,
            Caller caller) {
        rules.require(caller, Action.CHANGE_OCCURRENCE, browsing.get(id));
        return single(cancelling.cancelOccurrence(
                id,
                ETags.expectedVersion(ifMatch),
                recurrenceId.toInstant(),
                request == null ? null : request.reason()));
    }

    /** The whole meeting for its participants, its public details for anyone else. */
    private MeetingView shown(Caller caller, Meeting meeting, MeetingView view) {
        return rules.isParticipant(caller, meeting) ? view : view.publicDetails();
    }

    private MeetingView view(Scheduled scheduled) {
        return MeetingView.of(
                scheduled.meeting(), milestones.of(scheduled.meeting()).orElse(null), scheduled.conflicts());
    }

    private ResponseEntity<MeetingView> single(Meeting meeting) {
        return Responses.ok(MeetingView.of(meeting, milestones.of(meeting).orElse(null), List.of()), version(meeting));
    }

    private static long version(Meeting meeting) {
        return meeting.version() == null ? 0 : meeting.version();
    }
}
