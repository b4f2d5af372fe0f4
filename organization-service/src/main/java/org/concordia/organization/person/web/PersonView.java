package org.concordia.organization.person.web;

import java.time.Instant;
import org.concordia.organization.person.model.Person;

/** A person as the API shows them; the e-mail address is null for callers who may not read it. */
record PersonView(
        String id,
        long version,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone,
        Instant registeredAt) {

    static PersonView of(Person person, boolean contacts) {
        return new PersonView(
                person.id(),
                person.version(),
                person.details().fullName(),
                contacts ? person.details().email() : null,
                person.details().preferredLanguage(),
                person.details().timeZone(),
                person.registeredAt());
    }
}
