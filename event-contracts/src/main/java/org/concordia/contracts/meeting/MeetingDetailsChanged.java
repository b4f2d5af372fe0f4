package org.concordia.contracts.meeting;

import java.time.Instant;
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
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
