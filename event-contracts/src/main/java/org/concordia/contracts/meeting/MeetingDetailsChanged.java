package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A meeting's title, description, format or place changed (not its time). Carries the whole meeting as
 * an iCalendar update needs it.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param format How people attend. Known values, an open set: in_person, online, hybrid.
 * @param venue Address of the place; present for in_person and hybrid meetings.
 * @param onlineLink Link to join; present for online and hybrid meetings.
 * @param sequence iCalendar SEQUENCE of the meeting after this change; starts at 0 and grows with
 *    every change an invitee must see.
 * @param timeZone IANA time zone id the meeting is planned in.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param organizationId The organizing organization.
 * @param place The venue in parts; present for in_person and hybrid meetings.
 * @param agenda Agenda points in order.
 * @param changes What changed, with the previous and the new value as text.
 * @param rrule RFC 5545 recurrence rule of a series (FREQ=WEEKLY or MONTHLY with UNTIL or COUNT), in the
 *    planned zone; absent for a single meeting.
 * @param occurrenceStarts Start of every occurrence of a series that is still planned (cancelled occurrences left
 *    out, moved ones at their new start); empty for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingDetailsChanged(
        String meetingId,
        String title,
        @Nullable String description,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        int sequence,
        Instant start,
        Instant end,
        String timeZone,
        String organizerName,
        String organizerEmail,
        String organizationId,
        @Nullable Place place,
        List<AgendaItem> agenda,
        List<FieldChange> changes,
        @Nullable String rrule,
        List<Instant> occurrenceStarts,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingDetailsChanged {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(organizationId, "organizationId");
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        changes = changes == null ? List.of() : List.copyOf(changes);
        occurrenceStarts = occurrenceStarts == null ? List.of() : List.copyOf(occurrenceStarts);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
