package org.concordia.organization.person.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Everyone the directory knows. E-mail addresses are unique regardless of case. */
public interface People {

    Optional<Person> byId(String id);

    List<Person> byIds(Collection<String> ids);

    Optional<Person> byEmail(String email);

    /** @throws RuntimeException a duplicate-key error when the id or the e-mail address is taken */
    Person add(Person person);

    /** @throws RuntimeException an optimistic-locking error, or a duplicate-key error for a taken e-mail address */
    Person update(Person person);

    /** People whose name contains the text (any case), by name then id. */
    List<Person> search(String nameContains, int offset, int limit);

    long count(String nameContains);
}
