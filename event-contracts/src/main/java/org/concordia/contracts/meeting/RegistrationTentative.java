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
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationTentative(
        String meetingId,
        String registrationId,
        String personId,
        String title,
        @Nullable String organizationId,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationTentative {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
