package org.concordia.organization.person;

import java.time.Clock;
import org.concordia.organization.person.model.People;
import org.concordia.organization.person.model.Person;
import org.concordia.organization.person.model.PersonDetails;
import org.concordia.platform.application.Changes;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Registering, changing and finding people. */
@Service
public class PersonRegistry {

    private final People people;
    private final Changes<Person> changes;
    private final Clock clock;

    public PersonRegistry(People people, Clock clock) {
        this.people = people;
        this.changes = Changes.of("Person", people::byId, Person::version, people::update);
        this.clock = clock;
    }

    /**
     * Registers a person under the given id. A retry with the same id returns the first result; an e-mail address
     * someone else registered, in any case, is a conflict on {@code email}.
     */
    public Created<Person> register(String id, PersonDetails details) {
        var existing = people.byId(id);
        if (existing.isPresent()) {
            return Created.existing(existing.get());
        }
        try {
            return Created.created(people.add(Person.register(id, details, clock)));
        } catch (DuplicateKeyException duplicate) {
            // the id is the idempotency key's: if it exists, this was a concurrent retry; otherwise the e-mail is taken
            return people.byId(id).map(Created::existing).orElseThrow(() -> emailTaken(details));
        }
    }

    public Person get(String id) {
        return people.byId(id).orElseThrow(() -> new NotFoundException("Person", id));
    }

    public Person change(String id, ExpectedVersion expected, PersonDetails details) {
        try {
            return changes.apply(id, expected, person -> person.change(details, clock));
        } catch (DuplicateKeyException duplicate) {
            throw emailTaken(details);
        }
    }

    public Page<Person> search(String nameContains, int page, int size) {
        return Paging.page(
                page, size, people.count(nameContains), (offset, limit) -> people.search(nameContains, offset, limit));
    }

    private static ConflictException emailTaken(PersonDetails details) {
        return new ConflictException(
                "The e-mail address " + details.email() + " is already registered for another person", "email");
    }
}
