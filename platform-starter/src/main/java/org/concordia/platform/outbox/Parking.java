package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Aggregates whose next event can never be published (a malformed entry, a record Kafka refuses for good): their
 * claim is kept for good, marked parked with the event and the reason, so nothing retries it and the aggregate's
 * later events wait behind it, until an operator retries or discards the event.
 */
final class Parking {

    private static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    Parking(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static boolean isTrue(Object flag) {
        return Boolean.TRUE.equals(flag) || (flag instanceof Number number && number.intValue() != 0);
    }

    /** Marks the batch's claim of the aggregate parked, with the entry that cannot be published and why. */
    void park(String collectionName, Object id, String token, Document entry, String kind, String reason) {
        Document parked = new Document("parked", true)
                .append("until", NEVER)
                .append("kind", kind)
                .append("reason", reason)
                .append("parkedAt", Date.from(clock.instant()));
        if (entry.get("id") instanceof String eventId) {
            parked.append("eventId", eventId);
        }
        if (entry.get("type") instanceof String type) {
            parked.append("eventType", type);
        }
        if (entry.get("topic") instanceof String topic) {
            parked.append("topic", topic);
        }
        claims().updateOne(
                        new Document("_id", ClaimLedger.key(collectionName, id)).append("token", token),
                        new Document("$set", parked));
        log.warn(
                "Parked the outbox of {} {}: its next event {} cannot be published ({}): {}. It waits for an operator"
                        + " to retry or discard it (POST or DELETE /actuator/outbox/{}/{})",
                collectionName,
                id,
                parked.get("eventId"),
                kind,
                reason,
                collectionName,
                id);
    }

    /** The parked aggregates, oldest first. */
    List<OutboxRelay.Parked> parked() {
        List<OutboxRelay.Parked> parked = new ArrayList<>();
        for (Document claim : claims().find(new Document("parked", true))) {
            String key = claim.getString("_id");
            int slash = key.indexOf('/');
            Date since = claim.getDate("parkedAt");
            parked.add(new OutboxRelay.Parked(
                    key.substring(0, slash),
                    key.substring(slash + 1),
                    claim.getString("eventId"),
                    claim.getString("eventType"),
                    claim.getString("topic"),
                    claim.getString("kind"),
                    claim.getString("reason"),
                    since == null ? null : since.toInstant()));
        }
        parked.sort(
                Comparator.comparing(OutboxRelay.Parked::parkedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return parked;
    }

    long count() {
        return claims().countDocuments(new Document("parked", true));
    }

    /**
     * Lifts the parking of an aggregate, so that the relay tries it again from its parked event on.
     *
     * @return the aggregate's id as stored, or null when it was not parked
     */
    Object unpark(String collection, String aggregateId) {
        Document claim = parkedClaim(collection, aggregateId);
        if (claim == null) {
            return null;
        }
        claims().deleteOne(new Document("_id", claim.getString("_id")));
        log.info("Operator retries the parked outbox of {} {}", collection, aggregateId);
        return claim.get("aggregateId");
    }

    /**
     * Drops a parked aggregate's parked event for good and lifts the parking.
     *
     * @return the aggregate's id as stored, or null when it was not parked
     */
    Object discard(String collection, String aggregateId) {
        Document claim = parkedClaim(collection, aggregateId);
        if (claim == null) {
            return null;
        }
        Object id = claim.get("aggregateId");
        Document filter = new Document("_id", id);
        if (claim.getString("eventId") != null) {
            filter.append(OutboxRelay.PENDING_FIELD, claim.getString("eventId"));
        }
        // the parked claim keeps every relay away from the aggregate, so its first entry is the parked event
        long removed = mongo.getCollection(collection)
                .updateOne(filter, new Document("$pop", new Document(OUTBOX, -1)))
                .getModifiedCount();
        claims().deleteOne(new Document("_id", claim.getString("_id")));
        log.warn(
                "Operator discarded event {} ({}) of {} {}{}",
                claim.getString("eventId"),
                claim.getString("eventType"),
                collection,
                aggregateId,
                removed == 0 ? "; it was no longer in the outbox" : "");
        return id;
    }

    /** The aggregate's parked claim, with its id as stored ({@code aggregateId}), or null. */
    private Document parkedClaim(String collection, String aggregateId) {
        Document claim = claims().find(new Document("_id", ClaimLedger.key(collection, aggregateId)))
                .first();
        if (claim == null || !isTrue(claim.get("parked"))) {
            return null;
        }
        // ids are stored as the aggregate's own type; the endpoint only knows their text
        Object id = aggregateId;
        Document stored =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        if (stored == null && ObjectId.isValid(aggregateId)) {
            id = new ObjectId(aggregateId);
        }
        return claim.append("aggregateId", id);
    }

    private MongoCollection<Document> claims() {
        return mongo.getCollection(ClaimLedger.CLAIMS);
    }
}
