package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person answered an invitation tentatively; they hold no seat, and a seat they held is freed.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param organizationId The organization the person answered on behalf of, if any.
 * @param recurrenceId The occurrence of a series this answer is for, as its iCalendar RECURRENCE-ID (the start the
 *    series' rule planned for it); absent for a single meeting. An answer for a whole series is published once per
 *    occurrence it applies to.
 * @param occurrenceStart When that occurrence starts now, moved or not; absent for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationTentative(
        String meetingId,
        String registrationId,
        String personId,
        String title,
        @Nullable String organizationId,
        @Nullable Instant recurrenceId,
        @Nullable Instant occurrenceStart,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationTentative {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** As published before answers could be given per occurrence: for a single meeting or a whole series. */
    public RegistrationTentative(
            String meetingId,
            String registrationId,
            String personId,
            String title,
            @Nullable String organizationId,
            Instant occurredAt) {
        this(meetingId, registrationId, personId, title, organizationId, null, null, occurredAt);
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
