package org.concordia.organization.person.persistence;

import java.time.Instant;
import org.concordia.organization.common.model.Text;
import org.concordia.organization.person.model.Person;
import org.concordia.organization.person.model.PersonDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person as stored. {@code emailKey} carries the unique index that makes e-mail addresses case-insensitively unique. */
@Document("people")
public class PersonDocument {

    @Id
    String id;

    @Version
    Long version;

    String fullName;
    String nameKey;
    String email;
    String emailKey;
    String preferredLanguage;
    String timeZone;
    Instant registeredAt;

    public PersonDocument() {}

    static PersonDocument of(Person person) {
        PersonDocument document = new PersonDocument();
        PersonDetails details = person.details();
        document.id = person.id();
        document.version = person.version();
        document.fullName = details.fullName();
        document.nameKey = Text.key(details.fullName());
        document.email = details.email();
        document.emailKey = details.normalizedEmail();
        document.preferredLanguage = details.preferredLanguage();
        document.timeZone = details.timeZone();
        document.registeredAt = person.registeredAt();
        return document;
    }

    Person toModel() {
        return Person.restore(
                id, version, new PersonDetails(fullName, email, preferredLanguage, timeZone), registeredAt);
    }
}
