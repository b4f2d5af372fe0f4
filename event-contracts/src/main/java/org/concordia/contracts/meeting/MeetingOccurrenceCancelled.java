package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a series was cancelled (an iCalendar EXDATE); the other occurrences stay.
 *
 * @param meetingId Id of the series; also the iCalendar UID.
 * @param organizationId The organizing organization.
 * @param recurrenceId The start the occurrence had in the series' rule: its iCalendar RECURRENCE-ID.
 * @param start When the cancelled occurrence was to start (differs from recurrenceId if it had been
 *    moved).
 * @param timeZone IANA time zone id the series is planned in.
 * @param reason Free text, in the language it was written in.
 * @param sequence iCalendar SEQUENCE of the series after this change.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingOccurrenceCancelled(
        String meetingId,
        String title,
        String organizationId,
        Instant recurrenceId,
        Instant start,
        Instant end,
        String timeZone,
        @Nullable String reason,
        int sequence,
        String organizerName,
        String organizerEmail,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingOccurrenceCancelled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(recurrenceId, "recurrenceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
