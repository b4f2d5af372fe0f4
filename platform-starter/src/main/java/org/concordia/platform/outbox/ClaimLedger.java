package org.concordia.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.concordia.platform.mongo.IdempotentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Who publishes which aggregate, until when: one document per claimed aggregate in {@value #CLAIMS}, its {@code _id}
 * naming the aggregate ({@link #key}), so that inserting it is atomic and a second instance's insert fails on the
 * unique {@code _id}. Every round trip serves a whole batch and goes by {@code _id}.
 */
final class ClaimLedger {

    static final String CLAIMS = "outbox_claims";

    private final MongoTemplate mongo;
    private final Duration lease;
    private final Clock clock;
    private final String owner;

    ClaimLedger(MongoTemplate mongo, Duration lease, Clock clock, String owner) {
        this.mongo = mongo;
        this.lease = lease;
        this.clock = clock;
        this.owner = owner;
    }

    static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    /**
     * Claims the aggregates nobody holds, and those whose holder's lease ran out; parked ones stay with the
     * operator.
     *
     * @return the claimed aggregates' ids, each with the failed attempts recorded for it so far
     */
    Map<Object, Integer> claim(String collectionName, List<Object> ids, String token) {
        Date until = Date.from(clock.instant().plus(lease));
        List<Document> claims = new ArrayList<>(ids.size());
        for (Object id : ids) {
            claims.add(new Document("_id", key(collectionName, id))
                    .append("owner", owner)
                    .append("token", token)
                    .append("until", until)
                    .append("attempts", 0));
        }
        Map<Object, Integer> claimed = new LinkedHashMap<>();
        Set<Integer> taken = IdempotentWrites.insertNew(claims(), claims);
        Map<String, Object> idsByKey = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(i)) {
                idsByKey.put(key(collectionName, ids.get(i)), ids.get(i));
            } else {
                claimed.put(ids.get(i), 0);
            }
        }
        if (!idsByKey.isEmpty()) {
            takeOverExpired(idsByKey, token, until, claimed);
        }
        return claimed;
    }

    private void takeOverExpired(Map<String, Object> idsByKey, String token, Date until, Map<Object, Integer> claimed) {
        Date now = Date.from(clock.instant());
        List<String> expiredKeys = new ArrayList<>();
        claims().find(new Document("_id", new Document("$in", new ArrayList<>(idsByKey.keySet()))))
                .forEach(existing -> {
                    if (!Parking.isTrue(existing.get("parked"))
                            && existing.getDate("until").before(now)) {
                        expiredKeys.add(existing.getString("_id"));
                    }
                });
        for (String key : expiredKeys) {
            Document takenOver = claims().findOneAndUpdate(
                            new Document("_id", key)
                                    .append("until", new Document("$lt", now))
                                    .append("parked", new Document("$ne", true)),
                            new Document(
                                    "$set",
                                    new Document("owner", owner)
                                            .append("token", token)
                                            .append("until", until)),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (takenOver != null) {
                Integer attempts = takenOver.getInteger("attempts");
                claimed.put(idsByKey.get(key), attempts == null ? 0 : attempts);
            }
        }
    }

    /** Gives up the claims of the batch with this token, in one round trip. */
    void release(String collectionName, Collection<Object> ids, String token) {
        if (ids.isEmpty()) {
            return;
        }
        claims().deleteMany(new Document(
                        "_id",
                        new Document(
                                "$in",
                                ids.stream().map(id -> key(collectionName, id)).toList()))
                .append("token", token));
    }

    /** Keeps the claim until the deadline, so that no instance retries before it, and counts the attempt. */
    void backOff(String collectionName, Object id, String token, int attempts, Duration backoff, String reason) {
        claims().updateOne(
                        new Document("_id", key(collectionName, id)).append("token", token),
                        new Document(
                                "$set",
                                new Document("until", Date.from(clock.instant().plus(backoff)))
                                        .append("attempts", attempts)
                                        .append("reason", reason)));
    }

    /**
     * Extends the lease of the given claims of one batch.
     *
     * @return how many of them this instance still held
     */
    long renew(String token, List<String> keys) {
        Date until = Date.from(clock.instant().plus(lease));
        return claims().updateMany(
                        new Document("_id", new Document("$in", keys)).append("token", token),
                        new Document("$set", new Document("until", until)))
                .getMatchedCount();
    }

    private MongoCollection<Document> claims() {
        return mongo.getCollection(CLAIMS);
    }
}
