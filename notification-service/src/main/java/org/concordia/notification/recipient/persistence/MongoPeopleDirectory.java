package org.concordia.notification.recipient.persistence;

import static org.concordia.notification.recipient.persistence.Collections.date;
import static org.concordia.notification.recipient.persistence.Collections.olderThan;
import static org.concordia.notification.recipient.persistence.Collections.upsertIfNews;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.notification.recipient.PeopleDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * People ({@code _id} = person id), organizations ({@code _id} = organization id, with {@code parentId}) and
 * memberships ({@code _id} = membership id, with organization, person, roles and whether active).
 */
@Repository
class MongoPeopleDirectory implements PeopleDirectory {

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> memberships;

    MongoPeopleDirectory(MongoTemplate mongo) {
        people = mongo.getCollection(Collections.PEOPLE);
        organizations = mongo.getCollection(Collections.ORGANIZATIONS);
        memberships = mongo.getCollection(Collections.MEMBERSHIPS);
        // what real MongoDB needs for audience expansion; the embedded store scans either way
        memberships.createIndex(Indexes.ascending("organizationId", "active"));
        organizations.createIndex(Indexes.ascending("parentId"));
    }

    @Override
    public void on(OrganizationRegistered event) {
        Bson unregistered = Filters.and(Filters.eq("_id", event.organizationId()), Filters.exists("version", false));
        upsertIfNews(
                organizations,
                unregistered,
                organization(event.name(), event.parentId(), 0L, event.country(), event.languages())
                        .append("$setOnInsert", new Document("archived", false)));
    }

    @Override
    public void on(OrganizationUpdated event) {
        Bson older = Filters.and(
                Filters.eq("_id", event.organizationId()),
                Filters.or(Filters.exists("version", false), Filters.lt("version", event.version())));
        upsertIfNews(
                organizations,
                older,
                organization(event.name(), event.parentId(), event.version(), event.country(), event.languages()));
    }

    private static Document organization(
            String name, @Nullable String parentId, long version, String country, List<String> languages) {
        Document set = new Document("name", name)
                .append("version", version)
                .append("parentId", parentId)
                .append("country", country)
                .append("languages", languages);
        return new Document("$set", set);
    }

    @Override
    public void on(OrganizationArchived event) {
        upsertIfNews(
                organizations,
                Filters.and(Filters.eq("_id", event.organizationId()), Filters.ne("archived", true)),
                Updates.combine(Updates.set("archived", true), Updates.setOnInsert("name", event.name())));
    }

    @Override
    public void on(PersonRegistered event) {
        Bson unregistered = Filters.and(Filters.eq("_id", event.personId()), Filters.exists("version", false));
        upsertIfNews(
                people,
                unregistered,
                person(event.fullName(), event.email(), event.preferredLanguage(), event.timeZone(), 0L));
    }

    @Override
    public void on(PersonUpdated event) {
        Bson older = Filters.and(
                Filters.eq("_id", event.personId()),
                Filters.or(Filters.exists("version", false), Filters.lt("version", event.version())));
        upsertIfNews(
                people,
                older,
                person(event.fullName(), event.email(), event.preferredLanguage(), event.timeZone(), event.version()));
    }

    private static Bson person(String name, String email, String language, String zone, long version) {
        return Updates.combine(
                Updates.set("name", name),
                Updates.set("email", email),
                Updates.set("language", language),
                Updates.set("zone", zone),
                Updates.set("version", version));
    }

    @Override
    public void introduce(String personId, String name, String email, String language, String zone) {
        upsertIfNews(
                people,
                Filters.eq("_id", personId),
                Updates.combine(
                        Updates.setOnInsert("name", name),
                        Updates.setOnInsert("email", email),
                        Updates.setOnInsert("language", language),
                        Updates.setOnInsert("zone", zone)));
    }

    @Override
    public void on(MemberJoined event) {
        introduce(event.personId(), event.personName(), event.email(), event.preferredLanguage(), event.timeZone());
        upsertIfNews(
                memberships,
                olderThan(event.membershipId(), "rolesAt", event.occurredAt()),
                Updates.combine(
                        Updates.set("organizationId", event.organizationId()),
                        Updates.set("personId", event.personId()),
                        Updates.set("roles", event.roles()),
                        Updates.set("rolesAt", date(event.occurredAt())),
                        Updates.setOnInsert("active", true)));
        organizationName(event.organizationId(), event.organizationName());
    }

    @Override
    public void on(MemberRolesChanged event) {
        upsertIfNews(
                memberships,
                olderThan(event.membershipId(), "rolesAt", event.occurredAt()),
                Updates.combine(
                        Updates.set("organizationId", event.organizationId()),
                        Updates.set("personId", event.personId()),
                        Updates.set("roles", event.roles()),
                        Updates.set("rolesAt", date(event.occurredAt())),
                        Updates.setOnInsert("active", true)));
    }

    @Override
    public void on(MemberLeft event) {
        upsertIfNews(
                memberships,
                Filters.and(Filters.eq("_id", event.membershipId()), Filters.ne("active", false)),
                Updates.combine(
                        Updates.set("active", false),
                        Updates.setOnInsert("organizationId", event.organizationId()),
                        Updates.setOnInsert("personId", event.personId()),
                        Updates.setOnInsert("roles", List.copyOf(event.roles()))));
    }

    /** Names an organization known only from a membership, so texts never lack it. */
    private void organizationName(String organizationId, String name) {
        upsertIfNews(organizations, Filters.eq("_id", organizationId), Updates.setOnInsert("name", name));
    }
}
