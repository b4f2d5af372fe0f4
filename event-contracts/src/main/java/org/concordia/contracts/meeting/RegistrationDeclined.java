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
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationDeclined(
        String meetingId,
        String registrationId,
        String personId,
        String title,
        @Nullable String organizationId,
        @Nullable String previousStatus,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationDeclined {
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
