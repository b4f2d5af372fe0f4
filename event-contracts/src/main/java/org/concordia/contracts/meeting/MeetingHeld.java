package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * The organizer marked a meeting as held; its minutes may follow.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param organizationId The organizing organization.
 * @param timeZone IANA time zone id the meeting was planned in.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingHeld(
        String meetingId,
        String title,
        String organizationId,
        Instant start,
        Instant end,
        String timeZone,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingHeld {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
