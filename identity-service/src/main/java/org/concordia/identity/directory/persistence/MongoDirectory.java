package org.concordia.identity.directory.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.identity.directory.Directory;
import org.concordia.identity.directory.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Each event is applied by reading the document by {@code _id}, changing it in memory when the event is news, and
 * writing it back under its version; a concurrent writer (another instance, another partition) makes the write
 * fail and the change is tried again on the fresh document.
 */
@Repository
class MongoDirectory implements Directory {

    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;

    MongoDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Person> person(String personId) {
        return Optional.ofNullable(mongo.findById(personId, PersonDocument.class))
                .map(PersonDocument::toPerson);
    }

    @Override
    public Optional<Person> personByEmail(String email) {
        return Optional.ofNullable(mongo.findById(email.toLowerCase(Locale.ROOT), EmailDocument.class))
                .flatMap(entry -> person(entry.personId))
                .filter(person -> person.email() != null && person.email().equalsIgnoreCase(email));
    }

    @Override
    public Optional<String> parentOf(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, OrganizationDocument.class))
                .map(o -> o.parentId);
    }

    @Override
    public void on(PersonRegistered event) {
        details(event.personId(), 0, event.fullName(), event.email(), event.preferredLanguage(), event.timeZone());
    }

    @Override
    public void on(PersonUpdated event) {
        details(
                event.personId(),
                event.version(),
                event.fullName(),
                event.email(),
                event.preferredLanguage(),
                event.timeZone());
    }

    @Override
    public void on(MemberJoined event) {
        boolean[] introduced = {false};
        changePerson(event.personId(), person -> {
            boolean changed = false;
            if (person.detailsVersion == null && person.email == null) {
                introduced[0] = true;
                // until the person's own events arrive, the membership tells who they are
                person.name = event.personName();
                person.email = event.email();
                person.locale = event.preferredLanguage();
                person.zoneinfo = event.timeZone();
                changed = true;
            }
            if (!person.memberships.containsKey(event.membershipId())) {
                person.memberships.put(
                        event.membershipId(),
                        new PersonDocument.MembershipEntry(event.organizationId(), event.roles(), false));
                changed = true;
            }
            return changed;
        });
        if (introduced[0]) {
            mongo.save(new EmailDocument(event.email().toLowerCase(Locale.ROOT), event.personId()));
        }
    }

    @Override
    public void on(MemberRolesChanged event) {
        changePerson(event.personId(), person -> {
            PersonDocument.MembershipEntry entry = person.memberships.get(event.membershipId());
            if (entry != null && (entry.ended || entry.roles.equals(event.roles()))) {
                return false;
            }
            person.memberships.put(
                    event.membershipId(),
                    new PersonDocument.MembershipEntry(event.organizationId(), List.copyOf(event.roles()), false));
            return true;
        });
    }

    @Override
    public void on(MemberLeft event) {
        changePerson(event.personId(), person -> {
            PersonDocument.MembershipEntry entry = person.memberships.get(event.membershipId());
            if (entry != null && entry.ended) {
                return false;
            }
            // kept as ended, so that a late or replayed join cannot bring it back
            person.memberships.put(
                    event.membershipId(), new PersonDocument.MembershipEntry(event.organizationId(), List.of(), true));
            return true;
        });
    }

    @Override
    public void on(OrganizationRegistered event) {
        changeOrganization(event.organizationId(), 0, event.parentId());
    }

    @Override
    public void on(OrganizationUpdated event) {
        changeOrganization(event.organizationId(), event.version(), event.parentId());
    }

    private void details(String personId, long version, String name, String email, String locale, String zone) {
        @Nullable String[] previousEmail = {null};
        changePerson(personId, person -> {
            if (person.detailsVersion != null && person.detailsVersion >= version) {
                return false;
            }
            previousEmail[0] = person.email;
            person.detailsVersion = version;
            person.name = name;
            person.email = email;
            person.locale = locale;
            person.zoneinfo = zone;
            return true;
        });
        String key = email.toLowerCase(Locale.ROOT);
        mongo.save(new EmailDocument(key, personId));
        String old = previousEmail[0];
        if (old != null && !old.equalsIgnoreCase(email)) {
            mongo.remove(
                    Query.query(Criteria.where("_id")
                            .is(old.toLowerCase(Locale.ROOT))
                            .and("personId")
                            .is(personId)),
                    EmailDocument.class);
        }
    }

    private void changePerson(String personId, Predicate<PersonDocument> change) {
        retry(() -> {
            PersonDocument person = mongo.findById(personId, PersonDocument.class);
            PersonDocument document = person == null ? new PersonDocument(personId) : person;
            if (change.test(document)) {
                mongo.save(document);
            }
            return null;
        });
    }

    private void changeOrganization(String organizationId, long sourceVersion, @Nullable String parentId) {
        retry(() -> {
            OrganizationDocument found = mongo.findById(organizationId, OrganizationDocument.class);
            if (found != null && found.sourceVersion >= sourceVersion && found.version != null) {
                return null;
            }
            OrganizationDocument document = found == null ? new OrganizationDocument(organizationId) : found;
            document.sourceVersion = sourceVersion;
            document.parentId = parentId;
            mongo.save(document);
            return null;
        });
    }

    private static <T> @Nullable T retry(java.util.function.Supplier<@Nullable T> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                last = concurrent;
            }
        }
        throw last;
    }
}
