package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A person's details changed; carries the whole new state.
 *
 * @param fullName Full name as the person writes it, in their own script.
 * @param preferredLanguage BCP 47 language tag (usually ISO 639-1: en, bg, pl) in which the person
 *    wants to be addressed.
 * @param timeZone IANA time zone id, e.g. Europe/Sofia.
 * @param version Version of the aggregate after this change; a consumer that already holds a higher
 *    version ignores the event.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record PersonUpdated(
        String personId,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone,
        long version,
        Instant occurredAt)
        implements DomainEvent {

    public PersonUpdated {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return personId;
    }
}
