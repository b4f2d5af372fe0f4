package org.concordia.notification.recipient.persistence;

import static org.concordia.notification.recipient.persistence.Collections.date;
import static org.concordia.notification.recipient.persistence.Collections.lowerThan;
import static org.concordia.notification.recipient.persistence.Collections.notYet;
import static org.concordia.notification.recipient.persistence.Collections.olderThan;
import static org.concordia.notification.recipient.persistence.Collections.upsertIfNews;
import static org.concordia.notification.recipient.persistence.Collections.without;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.notification.recipient.PeopleDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * People ({@code _id} = person id), organizations ({@code _id} = organization id, with {@code parentId}) and
 * memberships ({@code _id} = membership id, with organization, person, roles and whether active) and partnerships
 * ({@code _id} = partnership id, with both organizations, kind, agreed last day and whether active).
 */
@Repository
class MongoPeopleDirectory implements PeopleDirectory {

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> memberships;
    private final MongoCollection<Document> partnerships;

    MongoPeopleDirectory(MongoTemplate mongo) {
        people = mongo.getCollection(Collections.PEOPLE);
        organizations = mongo.getCollection(Collections.ORGANIZATIONS);
        memberships = mongo.getCollection(Collections.MEMBERSHIPS);
        partnerships = mongo.getCollection(Collections.PARTNERSHIPS);
        // what real MongoDB needs for audience expansion; the embedded store scans either way
        memberships.createIndex(Indexes.ascending("organizationId", "active"));
        organizations.createIndex(Indexes.ascending("parentId"));
        partnerships.createIndex(Indexes.ascending("organizationId"));
        partnerships.createIndex(Indexes.ascending("partnerOrganizationId"));
    }

    @Override
    public void on(OrganizationRegistered event) {
        upsertIfNews(
                organizations,
                event.organizationId(),
                without("version"),
                organization(event.name(), event.parentId(), 0L, event.country(), event.languages())
                        .append("$setOnInsert", new Document("archived", false)));
    }

    @Override
    public void on(OrganizationUpdated event) {
        upsertIfNews(
                organizations,
                event.organizationId(),
                lowerThan("version", event.version()),
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
    public Optional<String> parentOf(String organizationId) {
        Collections.reading();
        Document organization = organizations
                .find(Filters.eq("_id", organizationId))
                .projection(Projections.include("parentId"))
                .first();
        return organization == null ? Optional.empty() : Optional.ofNullable(organization.getString("parentId"));
    }

    @Override
    public void on(OrganizationArchived event) {
        upsertIfNews(
                organizations,
                event.organizationId(),
                notYet("archived"),
                Updates.combine(Updates.set("archived", true), Updates.setOnInsert("name", event.name())));
    }

    @Override
    public void on(PersonRegistered event) {
        upsertIfNews(
                people,
                event.personId(),
                without("version"),
                person(event.fullName(), event.email(), event.preferredLanguage(), event.timeZone(), 0L));
    }

    @Override
    public void on(PersonUpdated event) {
        upsertIfNews(
                people,
                event.personId(),
                lowerThan("version", event.version()),
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
                personId,
                without("email"),
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
                event.membershipId(),
                olderThan("rolesAt", event.occurredAt()),
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
                event.membershipId(),
                olderThan("rolesAt", event.occurredAt()),
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
                event.membershipId(),
                d -> d == null || !Boolean.FALSE.equals(d.get("active")),
                Updates.combine(
                        Updates.set("active", false),
                        Updates.setOnInsert("organizationId", event.organizationId()),
                        Updates.setOnInsert("personId", event.personId()),
                        Updates.setOnInsert("roles", List.copyOf(event.roles()))));
    }

    /** Names an organization known only from a membership, so texts never lack it. */
    private void organizationName(String organizationId, String name) {
        upsertIfNews(organizations, organizationId, without("name"), Updates.setOnInsert("name", name));
    }

    /** Active until it ends; a repeat of the forming event after the ending one does not revive it. */
    @Override
    public void on(PartnershipFormed event) {
        upsertIfNews(
                partnerships,
                event.partnershipId(),
                without("formedAt"),
                Updates.combine(
                        Updates.set("organizationId", event.organizationId()),
                        Updates.set("partnerOrganizationId", event.partnerOrganizationId()),
                        Updates.set("kind", event.kind()),
                        Updates.set(
                                "until",
                                event.until() == null ? null : event.until().toString()),
                        Updates.set("formedAt", date(event.occurredAt())),
                        Updates.setOnInsert("active", true)));
        organizationName(event.organizationId(), event.organizationName());
        organizationName(event.partnerOrganizationId(), event.partnerOrganizationName());
    }

    @Override
    public void on(PartnershipEnded event) {
        upsertIfNews(
                partnerships,
                event.partnershipId(),
                d -> d == null || !Boolean.FALSE.equals(d.get("active")),
                Updates.combine(
                        Updates.set("active", false),
                        Updates.set("endedOn", event.endedOn().toString()),
                        Updates.setOnInsert("organizationId", event.organizationId()),
                        Updates.setOnInsert("partnerOrganizationId", event.partnerOrganizationId()),
                        Updates.setOnInsert("kind", event.kind())));
    }
}
