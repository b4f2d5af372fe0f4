package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person asked for a seat at a full meeting and was put on its waitlist.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param position Place on the waitlist, 1 being next.
 * @param meetingTimeZone IANA time zone id the meeting was planned in.
 * @param organizationId The organization the person registered on behalf of (its delegation seats), if any.
 * @param recurrenceId The occurrence of a series this answer is for, as its iCalendar RECURRENCE-ID (the start the
 *    series' rule planned for it); absent for a single meeting. An answer for a whole series is published once per
 *    occurrence it applies to.
 * @param occurrenceStart When that occurrence starts now, moved or not; absent for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationWaitlisted(
        String meetingId,
        String title,
        String registrationId,
        String personId,
        int position,
        Instant start,
        Instant end,
        String meetingTimeZone,
        @Nullable String organizationId,
        @Nullable Instant recurrenceId,
        @Nullable Instant occurrenceStart,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationWaitlisted {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(meetingTimeZone, "meetingTimeZone");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** As published before answers could be given per occurrence: for a single meeting or a whole series. */
    public RegistrationWaitlisted(
            String meetingId,
            String title,
            String registrationId,
            String personId,
            int position,
            Instant start,
            Instant end,
            String meetingTimeZone,
            @Nullable String organizationId,
            Instant occurredAt) {
        this(
                meetingId,
                title,
                registrationId,
                personId,
                position,
                start,
                end,
                meetingTimeZone,
                organizationId,
                null,
                null,
                occurredAt);
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
