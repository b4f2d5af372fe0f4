package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person declined the invitation or gave up the seat or waitlist place they had; a freed seat goes
 * to the waitlist.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param organizationId The organization the person registered on behalf of (its delegation seats), if any.
 * @param previousStatus The answer the person had given before declining. Known values, an open set: invited,
 *    confirmed, tentative, waitlisted.
 * @param recurrenceId The occurrence of a series this answer is for, as its iCalendar RECURRENCE-ID (the start the
 *    series' rule planned for it); absent for a single meeting. An answer for a whole series is published once per
 *    occurrence it applies to.
 * @param occurrenceStart When that occurrence starts now, moved or not; absent for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationDeclined(
        String meetingId,
        String registrationId,
        String personId,
        String title,
        @Nullable String organizationId,
        @Nullable String previousStatus,
        @Nullable Instant recurrenceId,
        @Nullable Instant occurrenceStart,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationDeclined {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** As published before answers could be given per occurrence: for a single meeting or a whole series. */
    public RegistrationDeclined(
            String meetingId,
            String registrationId,
            String personId,
            String title,
            @Nullable String organizationId,
            @Nullable String previousStatus,
            Instant occurredAt) {
        this(meetingId, registrationId, personId, title, organizationId, previousStatus, null, null, occurredAt);
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
