package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concordia.contracts.DomainEvent;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A coordination meeting, or a series of them: the aggregate whose changes are published on meeting-events. Its
 * self-contained parts live in collaborators ({@link Series}, {@link MinutesBook}); the events are built by
 * {@link MeetingEvents}. Every change an invitee must see raises the iCalendar SEQUENCE.
 */
public final class Meeting {

    private final String id;
    private final @Nullable Long version;
    private final Organizer organizer;
    private final @Nullable String projectId;
    private final @Nullable String milestoneId;
    private final List<Target> targets;
    private final List<Invited> invited;
    private final Instant scheduledAt;
    private MeetingDetails details;
    private Timing timing;
    private @Nullable Series series;
    private MeetingStatus status;
    private int sequence;
    private @Nullable String cancellationReason;
    private MinutesBook minutes;
    private final List<DomainEvent> events = new ArrayList<>();

    private Meeting(
            String id,
            @Nullable Long version,
            Organizer organizer,
            @Nullable String projectId,
            @Nullable String milestoneId,
            List<Target> targets,
            List<Invited> invited,
            Instant scheduledAt,
            MeetingDetails details,
            Timing timing,
            @Nullable Series series,
            MeetingStatus status,
            int sequence,
            @Nullable String cancellationReason,
            List<Minutes> minutes) {
        this.id = id;
        this.version = version;
        this.organizer = organizer;
        this.projectId = projectId;
        this.milestoneId = milestoneId;
        this.targets = List.copyOf(targets);
        this.invited = List.copyOf(invited);
        this.scheduledAt = scheduledAt;
        this.details = details;
        this.timing = timing;
        this.series = series;
        this.status = status;
        this.sequence = sequence;
        this.cancellationReason = cancellationReason;
        this.minutes = new MinutesBook(minutes);
    }

    /**
     * A new meeting. The caller has checked what needs the read models (the organizer coordinates the organization,
     * the targets and the project exist); the rules of the meeting itself are checked here.
     */
    public static Meeting schedule(
            String id,
            Organizer organizer,
            @Nullable String projectId,
            @Nullable String milestoneId,
            MeetingDetails details,
            Timing timing,
            @Nullable String rrule,
            List<Target> targets,
            List<Invited> invited,
            Instant now) {
        details.checkAgainst(timing);
        if (targets.isEmpty()) {
            throw new RuleViolationException("a meeting invites at least one person or organization", "targets");
        }
        if (milestoneId != null && projectId == null) {
            throw new RuleViolationException("a milestone belongs to a project: give projectId too", "projectId");
        }
        Series series = rrule == null ? null : Series.plan(rrule, timing);
        Meeting meeting = new Meeting(
                id,
                null,
                organizer,
                projectId,
                milestoneId,
                targets,
                invited,
                now,
                details,
                timing,
                series,
                MeetingStatus.SCHEDULED,
                0,
                null,
                List.of());
        meeting.events.add(MeetingEvents.scheduled(meeting, now));
        return meeting;
    }

    public static Meeting restore(
            String id,
            Long version,
            Organizer organizer,
            @Nullable String projectId,
            @Nullable String milestoneId,
            List<Target> targets,
            List<Invited> invited,
            Instant scheduledAt,
            MeetingDetails details,
            Timing timing,
            @Nullable Series series,
            MeetingStatus status,
            int sequence,
            @Nullable String cancellationReason,
            List<Minutes> minutes) {
        return new Meeting(
                id,
                version,
                organizer,
                projectId,
                milestoneId,
                targets,
                invited,
                scheduledAt,
                details,
                timing,
                series,
                status,
                sequence,
                cancellationReason,
                minutes);
    }

    public void reschedule(Timing next, Instant now) {
        requireScheduled();
        details.checkAgainst(next);
        Timing previous = timing;
        if (series != null) {
            series = series.replan(next);
        }
        timing = next;
        sequence++;
        events.add(MeetingEvents.rescheduled(this, previous, now));
    }

    /** @return whether anything changed; an unchanged meeting publishes nothing and keeps its SEQUENCE */
    public boolean changeDetails(MeetingDetails next, Instant now) {
        requireScheduled();
        next.checkAgainst(timing);
        var changes = MeetingEvents.changes(details, next);
        if (changes.isEmpty()) {
            return false;
        }
        details = next;
        sequence++;
        events.add(MeetingEvents.detailsChanged(this, changes, now));
        return true;
    }

    public void cancel(@Nullable String reason, Instant now) {
        requireScheduled();
        status = MeetingStatus.CANCELLED;
        cancellationReason = reason;
        sequence++;
        events.add(MeetingEvents.cancelled(this, now));
    }

    public void markHeld(Instant now) {
        requireScheduled();
        if (timing.start().isAfter(now)) {
            throw new RuleViolationException("a meeting is held once it has started", "status");
        }
        status = MeetingStatus.HELD;
        events.add(MeetingEvents.held(this, now));
    }

    public void moveOccurrence(Instant recurrenceId, Timing moved, Instant now) {
        requireScheduled();
        Series current = requireSeries();
        if (!moved.timeZone().equals(timing.timeZone())) {
            throw new RuleViolationException("an occurrence keeps the series' time zone", "timeZone");
        }
        Occurrence previous = current.required(recurrenceId);
        series = current.move(recurrenceId, moved.start(), moved.end());
        sequence++;
        events.add(MeetingEvents.occurrenceRescheduled(this, previous, moved, now));
    }

    public void cancelOccurrence(Instant recurrenceId, @Nullable String reason, Instant now) {
        requireScheduled();
        Series current = requireSeries();
        Occurrence occurrence = current.required(recurrenceId);
        if (occurrence.cancelled()) {
            return;
        }
        series = current.cancel(recurrenceId, reason);
        sequence++;
        events.add(MeetingEvents.occurrenceCancelled(this, occurrence, reason, now));
    }

    public Minutes publishMinutes(
            @Nullable Instant occurrence,
            String summary,
            List<String> decisions,
            List<ActionPoint> actionItems,
            Instant now) {
        Instant which = minutesOccurrence(occurrence, now);
        MinutesBook.checkItems(actionItems);
        Minutes first = new Minutes(which, 1, summary, decisions, actionItems, null, now);
        minutes = minutes.publish(first);
        events.add(MeetingEvents.minutesPublished(this, first, now));
        return first;
    }

    public Minutes correctMinutes(
            @Nullable Instant occurrence,
            String summary,
            List<String> decisions,
            List<ActionPoint> actionItems,
            @Nullable String changeNote,
            Instant now) {
        Instant which = occurrence == null ? timing.start() : occurrence;
        MinutesBook.checkItems(actionItems);
        minutes = minutes.correct(new Minutes(which, 0, summary, decisions, actionItems, changeNote, now));
        Minutes corrected = minutes.of(which).orElseThrow();
        events.add(MeetingEvents.minutesCorrected(this, corrected, now));
        return corrected;
    }

    public void closeActionItem(String actionItemId) {
        minutes = minutes.closeActionItem(actionItemId);
    }

    /**
     * The agenda of an occurrence (the meeting itself for a single one): the planned points, then the action items
     * of earlier occurrences that are still open, marked as carried over.
     */
    public List<CarriedAgenda> agendaOf(Instant occurrence) {
        List<CarriedAgenda> agenda = new ArrayList<>();
        details.agenda().forEach(point -> agenda.add(new CarriedAgenda(point, null)));
        if (series != null) {
            minutes.openBefore(occurrence)
                    .forEach(item -> agenda.add(new CarriedAgenda(
                            new AgendaPoint(item.description(), null, item.ownerName(), item.ownerPersonId()),
                            item.id())));
        }
        return agenda;
    }

    /** An agenda point; {@code actionItemId} names the open action item it carries over, if it is one. */
    public record CarriedAgenda(AgendaPoint point, @Nullable String actionItemId) {}

    private Instant minutesOccurrence(@Nullable Instant occurrence, Instant now) {
        if (status == MeetingStatus.CANCELLED) {
            throw new RuleViolationException("a cancelled meeting has no minutes", "status");
        }
        if (series == null) {
            if (status != MeetingStatus.HELD) {
                throw new RuleViolationException("minutes follow a meeting marked held", "status");
            }
            return timing.start();
        }
        if (occurrence == null) {
            throw new RuleViolationException("name the occurrence of the series", "occurrence");
        }
        Occurrence found = series.required(occurrence);
        if (found.cancelled() || found.start().isAfter(now)) {
            throw new RuleViolationException("minutes follow an occurrence that took place", "occurrence");
        }
        return occurrence;
    }

    private void requireScheduled() {
        if (status != MeetingStatus.SCHEDULED) {
            throw new RuleViolationException("the meeting is " + status + " and does not change any more", "status");
        }
    }

    private Series requireSeries() {
        if (series == null) {
            throw new RuleViolationException("the meeting is not a series", "recurrenceId");
        }
        return series;
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** The occurrences' start instants still planned, or the meeting's own start. */
    public List<Instant> plannedStarts() {
        return series == null ? List.of(timing.start()) : series.plannedStarts();
    }

    /** Whether some planned occurrence overlaps the interval. */
    public boolean overlaps(Instant start, Instant end) {
        if (status != MeetingStatus.SCHEDULED) {
            return false;
        }
        if (series == null) {
            return timing.overlaps(start, end);
        }
        return series.occurrences().stream()
                .anyMatch(o -> !o.cancelled() && o.start().isBefore(end) && start.isBefore(o.end()));
    }

    public boolean registrationOpen(Instant now) {
        Instant deadline = details.registrationDeadline();
        return status == MeetingStatus.SCHEDULED
                && (deadline == null || !now.isAfter(deadline))
                && (series != null || now.isBefore(timing.end()));
    }

    public String id() {
        return id;
    }

    public @Nullable Long version() {
        return version;
    }

    public Organizer organizer() {
        return organizer;
    }

    public @Nullable String projectId() {
        return projectId;
    }

    public @Nullable String milestoneId() {
        return milestoneId;
    }

    public List<Target> targets() {
        return targets;
    }

    public List<Invited> invited() {
        return invited;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public MeetingDetails details() {
        return details;
    }

    public Timing timing() {
        return timing;
    }

    public Optional<Series> series() {
        return Optional.ofNullable(series);
    }

    public MeetingStatus status() {
        return status;
    }

    public int sequence() {
        return sequence;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }

    public List<Minutes> minutes() {
        return minutes.all();
    }
}
