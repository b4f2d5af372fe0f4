package org.concordia.meeting.meeting.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.concordia.meeting.meeting.Conflict;
import org.concordia.meeting.meeting.MilestoneNotice;
import org.concordia.meeting.meeting.model.ActionPoint;
import org.concordia.meeting.meeting.model.AgendaPoint;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.Minutes;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.meeting.model.Organizer;
import org.concordia.meeting.meeting.model.Series;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as the API shows it: times with the planned zone's offset, plus the zone id.
 *
 * @param visibility {@code participant}: everything; {@code public}: what any caller sees, without the invitees, the
 *     people targeted by name, e-mail addresses, the online link and the minutes
 */
record MeetingView(
        String id,
        long version,
        String status,
        int sequence,
        String title,
        @Nullable String description,
        OrganizerView organizer,
        String organizationId,
        @Nullable String projectId,
        @Nullable String milestoneId,
        @Nullable MilestoneNotice milestone,
        String format,
        @Nullable VenueRequest venue,
        @Nullable String onlineLink,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        @Nullable String rrule,
        List<OccurrenceView> occurrences,
        List<AgendaPoint> agenda,
        @Nullable Integer capacity,
        @Nullable Integer seatsPerOrganization,
        @Nullable OffsetDateTime registrationDeadline,
        List<Integer> reminderMinutesBefore,
        List<Target> targets,
        List<Invited> invitees,
        @Nullable String cancellationReason,
        List<MinutesView> minutes,
        @Nullable List<Conflict> conflicts,
        String visibility) {

    static final String PARTICIPANT = "participant";
    static final String PUBLIC = "public";

    /** @param email shown to the meeting's participants only */
    record OrganizerView(
            String personId, String fullName, @Nullable String email, String organizationId) {
        static OrganizerView of(Organizer o) {
            return new OrganizerView(o.personId(), o.fullName(), o.email(), o.organizationId());
        }
    }

    /** What any authenticated caller may see: the public details. */
    MeetingView publicDetails() {
        return new MeetingView(
                id,
                version,
                status,
                sequence,
                title,
                description,
                new OrganizerView(organizer.personId(), organizer.fullName(), null, organizer.organizationId()),
                organizationId,
                projectId,
                milestoneId,
                milestone,
                format,
                venue,
                null,
                start,
                end,
                timeZone,
                rrule,
                occurrences,
                agenda,
                capacity,
                seatsPerOrganization,
                registrationDeadline,
                reminderMinutesBefore,
                targets.stream().filter(t -> t.kind() != TargetKind.PERSON).toList(),
                List.of(),
                cancellationReason,
                List.of(),
                conflicts,
                PUBLIC);
    }

    record OccurrenceView(
            OffsetDateTime recurrenceId,
            OffsetDateTime start,
            OffsetDateTime end,
            boolean moved,
            boolean cancelled,
            @Nullable String cancellationReason) {}

    record MinutesView(
            OffsetDateTime occurrence,
            int revision,
            String summary,
            List<String> decisions,
            List<ActionPoint> actionItems,
            @Nullable String changeNote,
            Instant publishedAt) {}

    static MeetingView of(Meeting m, @Nullable MilestoneNotice notice, @Nullable List<Conflict> conflicts) {
        ZoneId zone = m.timing().zone();
        MeetingDetails d = m.details();
        return new MeetingView(
                m.id(),
                m.version() == null ? 0 : m.version(),
                m.status().code(),
                m.sequence(),
                d.title(),
                d.description(),
                OrganizerView.of(m.organizer()),
                m.organizer().organizationId(),
                m.projectId(),
                m.milestoneId(),
                notice,
                d.format().code(),
                VenueRequest.of(d.venue()),
                d.onlineLink(),
                at(m.timing().start(), zone),
                at(m.timing().end(), zone),
                m.timing().timeZone(),
                m.series().map(Series::rrule).orElse(null),
                m.series()
                        .map(s -> s.occurrences().stream()
                                .map(o -> occurrence(o, zone))
                                .toList())
                        .orElse(List.of()),
                d.agenda(),
                d.capacity(),
                d.seatsPerOrganization(),
                d.registrationDeadline() == null ? null : at(d.registrationDeadline(), zone),
                d.reminderMinutesBefore(),
                m.targets(),
                m.invited(),
                m.cancellationReason(),
                m.minutes().stream().map(x -> minutes(x, zone)).toList(),
                conflicts,
                PARTICIPANT);
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static OccurrenceView occurrence(Occurrence o, ZoneId zone) {
        return new OccurrenceView(
                at(o.recurrenceId(), zone),
                at(o.start(), zone),
                at(o.end(), zone),
                o.moved(),
                o.cancelled(),
                o.cancellationReason());
    }

    private static MinutesView minutes(Minutes m, ZoneId zone) {
        return new MinutesView(
                at(m.occurrence(), zone),
                m.revision(),
                m.summary(),
                m.decisions(),
                m.actionItems(),
                m.changeNote(),
                m.publishedAt());
    }
}
