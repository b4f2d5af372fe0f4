package org.concordia.organization.person.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;

/** Someone who takes part: a coordinator, a representative, a member, a partner's contact. */
public final class Person {

    private final String id;
    private final Long version;
    private PersonDetails details;
    private final Instant registeredAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private Person(String id, Long version, PersonDetails details, Instant registeredAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.details = Objects.requireNonNull(details, "details");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    }

    public static Person register(String id, PersonDetails details, Clock clock) {
        Instant now = now(clock);
        Person person = new Person(id, null, details, now);
        person.events.add(new PersonRegistered(
                id, details.fullName(), details.email(), details.preferredLanguage(), details.timeZone(), now));
        return person;
    }

    public static Person restore(String id, long version, PersonDetails details, Instant registeredAt) {
        return new Person(id, version, details, registeredAt);
    }

    /** @return whether anything changed; an unchanged person records no event */
    public boolean change(PersonDetails newDetails, Clock clock) {
        Objects.requireNonNull(newDetails, "details");
        if (newDetails.equals(details)) {
            return false;
        }
        details = newDetails;
        events.add(new PersonUpdated(
                id,
                details.fullName(),
                details.email(),
                details.preferredLanguage(),
                details.timeZone(),
                version == null ? 0 : version + 1,
                now(clock)));
        return true;
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public PersonDetails details() {
        return details;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
