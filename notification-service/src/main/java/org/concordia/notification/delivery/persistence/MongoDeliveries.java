package org.concordia.notification.delivery.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.notification.delivery.Deliveries;
import org.concordia.notification.delivery.Delivery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code delivery_queue} holds the work still to do ({@code _id} = delivery id: channel, subject, payload, due time,
 * lease); it is written once when a delivery is arranged, stays small since done work leaves it, and is claimed
 * with findAndModify. {@code deliveries} holds the record of each delivery attempted ({@code _id} = the same id:
 * status, attempts, last error), written before the queue entry leaves, so that a repeated arrangement of a sent
 * delivery is recognised when claimed and dropped. A delivery queued and not yet attempted is read from the queue.
 */
@Repository
class MongoDeliveries implements Deliveries {

    static final String DELIVERIES = "deliveries";
    static final String QUEUE = "delivery_queue";

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;

    MongoDeliveries(MongoTemplate mongo) {
        deliveries = mongo.getCollection(DELIVERIES);
        queue = mongo.getCollection(QUEUE);
        queue.createIndex(Indexes.ascending("dueAt"));
        deliveries.createIndex(Indexes.ascending("status"));
    }

    @Override
    public void arrange(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // one insertMany per batch; an entry queued before (same id) stays as it is
        List<Document> work = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            work.add(document(d));
        }
        insertIgnoringDuplicates(queue, work);
    }

    private static Document document(Delivery d) {
        return new Document("_id", d.id())
                .append("channel", d.channel())
                .append("subject", d.subject())
                .append("payload", d.payload())
                .append("status", d.status())
                .append("attempts", d.attempts())
                .append("lastError", d.lastError())
                .append("dueAt", Date.from(d.dueAt()))
                .append("sentAt", d.sentAt() == null ? null : Date.from(d.sentAt()));
    }

    /** @return the ids that were there already */
    private static Set<String> insertIgnoringDuplicates(
            MongoCollection<Document> collection, List<Document> documents) {
        Set<String> existing = new HashSet<>();
        if (documents.isEmpty()) {
            return existing;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                existing.add(documents.get(error.getIndex()).getString("_id"));
            }
        }
        return existing;
    }

    @Override
    public Optional<Delivery> claim(Instant now, Duration lease, String owner) {
        Date at = Date.from(now);
        while (true) {
            Document claimed = queue.findOneAndUpdate(
                    Filters.and(
                            Filters.lte("dueAt", at),
                            Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", at))),
                    Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("owner", owner)),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
            if (claimed == null) {
                return Optional.empty();
            }
            String id = claimed.getString("_id");
            Document record = deliveries.find(Filters.eq("_id", id)).first();
            if (record != null && !Delivery.PENDING.equals(record.getString("status"))) {
                // sent (or given up) already: the queue entry is a leftover of a repeated arrangement
                queue.deleteOne(Filters.eq("_id", id));
                continue;
            }
            return Optional.of(delivery(record != null ? record : claimed));
        }
    }

    @Override
    public Optional<Delivery> find(String id) {
        Document record = deliveries.find(Filters.eq("_id", id)).first();
        if (record == null) {
            record = queue.find(Filters.eq("_id", id)).first();
        }
        return Optional.ofNullable(record).map(MongoDeliveries::delivery);
    }

    /** The record of an attempted delivery, created from its queue entry at the first attempt. */
    private void record(String id, Bson changes) {
        Document record = deliveries.find(Filters.eq("_id", id)).first();
        if (record == null) {
            Document entry = queue.find(Filters.eq("_id", id)).first();
            if (entry == null) {
                return;
            }
            entry.remove("leaseUntil");
            entry.remove("owner");
            insertIgnoringDuplicates(deliveries, List.of(entry));
        }
        deliveries.updateOne(Filters.eq("_id", id), changes);
    }

    @Override
    public void sent(String id, Instant at, int attempts) {
        record(
                id,
                Updates.combine(
                        Updates.set("status", Delivery.SENT),
                        Updates.set("attempts", attempts),
                        Updates.set("sentAt", Date.from(at))));
        queue.deleteOne(Filters.eq("_id", id));
    }

    @Override
    public void failed(String id, int attempts, String error, Instant retryAt, boolean giveUp) {
        record(
                id,
                Updates.combine(
                        Updates.set("status", giveUp ? Delivery.FAILED : Delivery.PENDING),
                        Updates.set("attempts", attempts),
                        Updates.set("lastError", error),
                        Updates.set("dueAt", Date.from(retryAt))));
        if (giveUp) {
            queue.deleteOne(Filters.eq("_id", id));
        } else {
            queue.updateOne(
                    Filters.eq("_id", id),
                    Updates.combine(Updates.set("dueAt", Date.from(retryAt)), Updates.unset("leaseUntil")));
        }
    }

    @Override
    public List<Delivery> failures(int offset, int limit) {
        List<Delivery> failures = new ArrayList<>();
        deliveries
                .find(Filters.eq("status", Delivery.FAILED))
                .sort(Sorts.ascending("_id"))
                .skip(offset)
                .limit(limit)
                .forEach(d -> failures.add(delivery(d)));
        return failures;
    }

    @Override
    public long failureCount() {
        return deliveries.countDocuments(Filters.eq("status", Delivery.FAILED));
    }

    @Override
    public boolean retry(String id, Instant now) {
        // read by _id, decide, write by _id: a filter on the status would scan every delivery on the embedded store
        Document record = deliveries.find(Filters.eq("_id", id)).first();
        if (record == null || !Delivery.FAILED.equals(record.getString("status"))) {
            return false;
        }
        deliveries.updateOne(
                Filters.eq("_id", id),
                Updates.combine(Updates.set("status", Delivery.PENDING), Updates.set("dueAt", Date.from(now))));
        record.put("status", Delivery.PENDING);
        record.put("dueAt", Date.from(now));
        insertIgnoringDuplicates(queue, List.of(record));
        return true;
    }

    private static Delivery delivery(Document d) {
        return new Delivery(
                d.getString("_id"),
                d.getString("channel"),
                d.getString("subject"),
                d.getString("payload"),
                d.getString("status"),
                d.getInteger("attempts", 0),
                d.getString("lastError"),
                instant(d.getDate("dueAt")),
                d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant());
    }

    private static Instant instant(@Nullable Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
