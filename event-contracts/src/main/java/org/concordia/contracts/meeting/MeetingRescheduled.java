package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A meeting moved to another time. Carries the whole meeting as an iCalendar update needs it.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param timeZone IANA time zone id the meeting is planned in.
 * @param sequence iCalendar SEQUENCE of the meeting after this change; starts at 0 and grows with
 *    every change an invitee must see.
 * @param format How people attend. Known values, an open set: in_person, online, hybrid.
 * @param venue Address of the place; present for in_person and hybrid meetings.
 * @param onlineLink Link to join; present for online and hybrid meetings.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param organizationId The organizing organization.
 * @param place The venue in parts; present for in_person and hybrid meetings.
 * @param rrule RFC 5545 recurrence rule of a series (FREQ=WEEKLY or MONTHLY with UNTIL or COUNT), in the
 *    planned zone; absent for a single meeting.
 * @param occurrenceStarts Start of every occurrence of a series that is still planned (cancelled occurrences left
 *    out, moved ones at their new start); empty for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingRescheduled(
        String meetingId,
        String title,
        Instant previousStart,
        Instant previousEnd,
        Instant start,
        Instant end,
        String timeZone,
        int sequence,
        @Nullable String description,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        String organizerName,
        String organizerEmail,
        String organizationId,
        @Nullable Place place,
        @Nullable String rrule,
        List<Instant> occurrenceStarts,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingRescheduled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(previousStart, "previousStart");
        Objects.requireNonNull(previousEnd, "previousEnd");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(organizationId, "organizationId");
        occurrenceStarts = occurrenceStarts == null ? List.of() : List.copyOf(occurrenceStarts);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
