package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a series moved to another time; the other occurrences stay where they were.
 *
 * @param meetingId Id of the series; also the iCalendar UID.
 * @param organizationId The organizing organization.
 * @param recurrenceId The start the occurrence had in the series' rule: its iCalendar RECURRENCE-ID.
 * @param previousStart Where the occurrence was before this change.
 * @param timeZone IANA time zone id the series is planned in.
 * @param sequence iCalendar SEQUENCE of the series after this change.
 * @param format How people attend. Known values, an open set: in_person, online, hybrid.
 * @param venue Address of the place; present for in_person and hybrid meetings.
 * @param onlineLink Link to join; present for online and hybrid meetings.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingOccurrenceRescheduled(
        String meetingId,
        String title,
        String organizationId,
        Instant recurrenceId,
        Instant previousStart,
        Instant previousEnd,
        Instant start,
        Instant end,
        String timeZone,
        int sequence,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        String organizerName,
        String organizerEmail,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingOccurrenceRescheduled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(recurrenceId, "recurrenceId");
        Objects.requireNonNull(previousStart, "previousStart");
        Objects.requireNonNull(previousEnd, "previousEnd");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
