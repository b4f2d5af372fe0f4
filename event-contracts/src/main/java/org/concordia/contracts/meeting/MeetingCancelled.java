package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A meeting was cancelled.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param timeZone IANA time zone id the meeting was planned in.
 * @param reason Free text, in the language it was written in.
 * @param sequence iCalendar SEQUENCE of the meeting after this change; starts at 0 and grows with
 *    every change an invitee must see.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param organizationId The organizing organization.
 * @param rrule RFC 5545 recurrence rule of a series (FREQ=WEEKLY or MONTHLY with UNTIL or COUNT), in the
 *    planned zone; absent for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingCancelled(
        String meetingId,
        String title,
        Instant start,
        String timeZone,
        @Nullable String reason,
        int sequence,
        Instant end,
        String organizerName,
        String organizerEmail,
        String organizationId,
        @Nullable String rrule,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingCancelled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
