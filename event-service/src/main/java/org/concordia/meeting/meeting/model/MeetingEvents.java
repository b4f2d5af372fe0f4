package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.concordia.contracts.meeting.ActionItem;
import org.concordia.contracts.meeting.AgendaItem;
import org.concordia.contracts.meeting.FieldChange;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.Invitee;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingHeld;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.MinutesCorrected;
import org.concordia.contracts.meeting.MinutesPublished;
import org.concordia.contracts.meeting.Place;
import org.jspecify.annotations.Nullable;

/** Builds the meeting-events a change publishes, carrying what consumers need without asking anyone. */
final class MeetingEvents {

    private MeetingEvents() {}

    static MeetingScheduled scheduled(Meeting m, Instant now) {
        MeetingDetails d = m.details();
        return new MeetingScheduled(
                m.id(),
                d.title(),
                d.description(),
                m.organizer().personId(),
                m.organizer().fullName(),
                m.projectId(),
                d.format().code(),
                venue(d),
                d.onlineLink(),
                m.timing().start(),
                m.timing().end(),
                m.timing().timeZone(),
                d.registrationDeadline(),
                d.capacity(),
                m.invited().stream()
                        .map(i -> new Invitee(
                                i.personId(),
                                i.organizationId(),
                                i.fullName(),
                                i.email(),
                                i.preferredLanguage(),
                                i.timeZone()))
                        .toList(),
                m.targets().stream()
                        .filter(t -> t.kind() == TargetKind.ORGANIZATION_MEMBERS
                                || t.kind() == TargetKind.ORGANIZATION_NETWORK)
                        .map(Target::organizationId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                m.sequence(),
                m.organizer().email(),
                m.organizer().organizationId(),
                m.milestoneId(),
                place(d),
                agenda(d),
                d.seatsPerOrganization(),
                d.reminderMinutesBefore(),
                m.targets().stream()
                        .map(t -> new InvitationTarget(
                                t.kind().code(), t.personId(), t.organizationId(), t.projectId(), t.roles()))
                        .toList(),
                rrule(m),
                occurrenceStarts(m),
                now);
    }

    static MeetingRescheduled rescheduled(Meeting m, Timing previous, Instant now) {
        MeetingDetails d = m.details();
        return new MeetingRescheduled(
                m.id(),
                d.title(),
                previous.start(),
                previous.end(),
                m.timing().start(),
                m.timing().end(),
                m.timing().timeZone(),
                m.sequence(),
                d.description(),
                d.format().code(),
                venue(d),
                d.onlineLink(),
                m.organizer().fullName(),
                m.organizer().email(),
                m.organizer().organizationId(),
                place(d),
                rrule(m),
                occurrenceStarts(m),
                now);
    }

    static MeetingDetailsChanged detailsChanged(Meeting m, List<FieldChange> changes, Instant now) {
        MeetingDetails d = m.details();
        return new MeetingDetailsChanged(
                m.id(),
                d.title(),
                d.description(),
                d.format().code(),
                venue(d),
                d.onlineLink(),
                m.sequence(),
                m.timing().start(),
                m.timing().end(),
                m.timing().timeZone(),
                m.organizer().fullName(),
                m.organizer().email(),
                m.organizer().organizationId(),
                place(d),
                agenda(d),
                changes,
                rrule(m),
                occurrenceStarts(m),
                now);
    }

    static MeetingCancelled cancelled(Meeting m, Instant now) {
        return new MeetingCancelled(
                m.id(),
                m.details().title(),
                m.timing().start(),
                m.timing().timeZone(),
                m.cancellationReason(),
                m.sequence(),
                m.timing().end(),
                m.organizer().fullName(),
                m.organizer().email(),
                m.organizer().organizationId(),
                rrule(m),
                now);
    }

    static MeetingHeld held(Meeting m, Instant now) {
        return new MeetingHeld(
                m.id(),
                m.details().title(),
                m.organizer().organizationId(),
                m.timing().start(),
                m.timing().end(),
                m.timing().timeZone(),
                now);
    }

    static MeetingOccurrenceRescheduled occurrenceRescheduled(
            Meeting m, Occurrence previous, Timing moved, Instant now) {
        MeetingDetails d = m.details();
        return new MeetingOccurrenceRescheduled(
                m.id(),
                d.title(),
                m.organizer().organizationId(),
                previous.recurrenceId(),
                previous.start(),
                previous.end(),
                moved.start(),
                moved.end(),
                m.timing().timeZone(),
                m.sequence(),
                d.format().code(),
                venue(d),
                d.onlineLink(),
                m.organizer().fullName(),
                m.organizer().email(),
                now);
    }

    static MeetingOccurrenceCancelled occurrenceCancelled(
            Meeting m, Occurrence occurrence, @Nullable String reason, Instant now) {
        return new MeetingOccurrenceCancelled(
                m.id(),
                m.details().title(),
                m.organizer().organizationId(),
                occurrence.recurrenceId(),
                occurrence.start(),
                occurrence.end(),
                m.timing().timeZone(),
                reason,
                m.sequence(),
                m.organizer().fullName(),
                m.organizer().email(),
                now);
    }

    static MinutesPublished minutesPublished(Meeting m, Minutes minutes, Instant now) {
        return new MinutesPublished(
                m.id(),
                m.details().title(),
                minutes.summary(),
                minutes.decisions(),
                actionItems(minutes),
                minutes.occurrence(),
                m.timing().timeZone(),
                m.organizer().organizationId(),
                minutes.revision(),
                now);
    }

    static MinutesCorrected minutesCorrected(Meeting m, Minutes minutes, Instant now) {
        return new MinutesCorrected(
                m.id(),
                m.details().title(),
                m.organizer().organizationId(),
                minutes.revision(),
                minutes.summary(),
                minutes.decisions(),
                actionItems(minutes),
                minutes.changeNote(),
                minutes.occurrence(),
                m.timing().timeZone(),
                now);
    }

    /** What changed between two versions of the details, as readable text. */
    static List<FieldChange> changes(MeetingDetails before, MeetingDetails after) {
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "title", before.title(), after.title());
        change(changes, "description", before.description(), after.description());
        change(changes, "format", before.format().code(), after.format().code());
        change(changes, "venue", lineOf(before.venue()), lineOf(after.venue()));
        change(changes, "onlineLink", before.onlineLink(), after.onlineLink());
        change(changes, "agenda", agendaText(before), agendaText(after));
        change(changes, "capacity", text(before.capacity()), text(after.capacity()));
        change(
                changes,
                "seatsPerOrganization",
                text(before.seatsPerOrganization()),
                text(after.seatsPerOrganization()));
        change(
                changes,
                "registrationDeadline",
                text(before.registrationDeadline()),
                text(after.registrationDeadline()));
        change(
                changes,
                "reminderMinutesBefore",
                text(before.reminderMinutesBefore()),
                text(after.reminderMinutesBefore()));
        return changes;
    }

    private static void change(
            List<FieldChange> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static @Nullable String lineOf(@Nullable Venue venue) {
        return venue == null ? null : venue.line();
    }

    private static @Nullable String agendaText(MeetingDetails d) {
        if (d.agenda().isEmpty()) {
            return null;
        }
        return d.agenda().stream()
                .map(p -> p.title()
                        + (p.minutes() == null ? "" : " (" + p.minutes() + " min)")
                        + (p.presenter() == null ? "" : ", " + p.presenter()))
                .collect(Collectors.joining("\n"));
    }

    private static @Nullable String venue(MeetingDetails d) {
        return lineOf(d.venue());
    }

    private static @Nullable Place place(MeetingDetails d) {
        Venue v = d.venue();
        return v == null ? null : new Place(v.name(), v.address(), v.city(), v.country());
    }

    private static List<AgendaItem> agenda(MeetingDetails d) {
        return d.agenda().stream()
                .map(p -> new AgendaItem(p.title(), p.minutes(), p.presenter(), p.presenterPersonId(), false))
                .toList();
    }

    private static @Nullable String rrule(Meeting m) {
        return m.series().map(Series::rrule).orElse(null);
    }

    private static List<Instant> occurrenceStarts(Meeting m) {
        return m.series().map(Series::plannedStarts).orElse(List.of());
    }

    private static List<ActionItem> actionItems(Minutes minutes) {
        return minutes.actionItems().stream()
                .map(i -> new ActionItem(i.description(), i.ownerPersonId(), i.dueDate(), i.ownerName()))
                .toList();
    }
}
