package org.concordia.organization.person.web;

import java.time.Instant;
import org.concordia.organization.person.model.Person;

/** A person as the API shows them. */
record PersonView(
        String id,
        long version,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone,
        Instant registeredAt) {

    static PersonView of(Person person) {
        return new PersonView(
                person.id(),
                person.version(),
                person.details().fullName(),
                person.details().email(),
                person.details().preferredLanguage(),
                person.details().timeZone(),
                person.registeredAt());
    }
}
