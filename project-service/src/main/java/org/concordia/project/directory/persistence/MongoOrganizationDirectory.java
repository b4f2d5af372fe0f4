package org.concordia.project.directory.persistence;

import java.time.Instant;
import java.util.Optional;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Each event is applied with one conditional upsert: the condition says when the event is news (no registration seen
 * yet, an older version held, not archived yet). When it is not, the upsert tries to insert a second document with
 * the same id, which the unique {@code _id} refuses, and the event is ignored. So replays, duplicates and several
 * instances applying the same event all end in the same state.
 */
@Repository
class MongoOrganizationDirectory implements OrganizationDirectory {

    private static final Logger log = LoggerFactory.getLogger(MongoOrganizationDirectory.class);

    private final MongoTemplate mongo;

    MongoOrganizationDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<KnownOrganization> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DirectoryEntry.class)).map(DirectoryEntry::toKnown);
    }

    @Override
    public void on(OrganizationRegistered event) {
        Criteria unregistered =
                Criteria.where("_id").is(event.organizationId()).and("version").exists(false);
        Update update = details(
                        event.name(),
                        event.shortName(),
                        event.kind(),
                        event.country(),
                        event.city(),
                        event.parentId(),
                        event.occurredAt())
                .set("version", 0L)
                .setOnInsert("archived", false);
        apply(event.organizationId(), "registration", unregistered, update);
    }

    @Override
    public void on(OrganizationUpdated event) {
        Criteria older = Criteria.where("_id")
                .is(event.organizationId())
                .orOperator(
                        Criteria.where("version").exists(false),
                        Criteria.where("version").lt(event.version()));
        Update update = details(
                        event.name(),
                        event.shortName(),
                        event.kind(),
                        event.country(),
                        event.city(),
                        event.parentId(),
                        event.occurredAt())
                .set("version", event.version())
                .setOnInsert("archived", false);
        apply(event.organizationId(), "update to version " + event.version(), older, update);
    }

    @Override
    public void on(OrganizationArchived event) {
        Criteria notArchived =
                Criteria.where("_id").is(event.organizationId()).and("archived").ne(true);
        Update update = new Update()
                .set("archived", true)
                .set("archivedAt", event.occurredAt())
                .max("lastEventAt", event.occurredAt())
                // known from its archival alone (its registration is older than the topic's retention)
                .setOnInsert("name", event.name());
        apply(event.organizationId(), "archival", notArchived, update);
    }

    private void apply(String id, String what, Criteria news, Update update) {
        try {
            mongo.upsert(Query.query(news), update, DirectoryEntry.class);
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("Organization {}: {} is no news, ignored", id, what);
        }
    }

    private static Update details(
            String name, String shortName, String kind, String country, String city, String parentId, Instant at) {
        Update update = new Update()
                .set("name", name)
                .set("kind", kind)
                .set("country", country)
                .set("city", city)
                // events of one organization may be applied out of order during a rebuild; time never goes back
                .max("lastEventAt", at);
        setOrUnset(update, "shortName", shortName);
        setOrUnset(update, "parentId", parentId);
        return update;
    }

    private static void setOrUnset(Update update, String field, String value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
