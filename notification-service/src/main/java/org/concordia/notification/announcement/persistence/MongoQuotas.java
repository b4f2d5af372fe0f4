package org.concordia.notification.announcement.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.concordia.notification.announcement.model.Quotas;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The slots of each organization's rate limit, one document each ({@code _id} = {@code <organizationId>:<n>},
 * {@code until} = when it is free again). A slot is taken with one {@code findOneAndUpdate} on {@code _id $in} the
 * organization's slots and {@code until <= now}, atomic on MongoDB and on the embedded store alike, so two instances
 * never take the same slot. The slots are created the first time an organization finds none free.
 */
@Repository
class MongoQuotas implements Quotas {

    static final String COLLECTION = "announcement_quotas";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> slots;

    MongoQuotas(MongoTemplate mongo) {
        slots = mongo.getCollection(COLLECTION);
    }

    @Override
    public Optional<Slot> take(String organizationId, int limit, Duration window, Instant now) {
        Optional<Slot> taken = claim(organizationId, limit, window, now);
        if (taken.isPresent()) {
            return taken;
        }
        create(organizationId, limit);
        return claim(organizationId, limit, window, now);
    }

    private Optional<Slot> claim(String organizationId, int limit, Duration window, Instant now) {
        Instant until = now.plus(window);
        Document before = slots.findOneAndUpdate(
                Filters.and(Filters.in("_id", ids(organizationId, limit)), Filters.lte("until", Date.from(now))),
                Updates.set("until", Date.from(until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before)
                .map(d -> new Slot(d.getString("_id"), until, d.getDate("until").toInstant()));
    }

    private void create(String organizationId, int limit) {
        List<Document> free = new ArrayList<>();
        for (String id : ids(organizationId, limit)) {
            free.add(new Document("_id", id).append("until", new Date(0)));
        }
        try {
            slots.insertMany(free, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    @Override
    public Duration untilFree(String organizationId, int limit, Instant now) {
        Instant first = null;
        for (Document slot : slots.find(Filters.in("_id", ids(organizationId, limit)))) {
            Instant until = slot.getDate("until").toInstant();
            if (first == null || until.isBefore(first)) {
                first = until;
            }
        }
        return first == null || !first.isAfter(now) ? Duration.ofSeconds(1) : Duration.between(now, first);
    }

    @Override
    public void giveBack(Slot slot) {
        slots.updateOne(
                Filters.and(Filters.eq("_id", slot.id()), Filters.eq("until", Date.from(slot.heldUntil()))),
                Updates.set("until", Date.from(slot.previouslyUntil())));
    }

    private static List<String> ids(String organizationId, int limit) {
        List<String> ids = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            ids.add(organizationId + ":" + i);
        }
        return ids;
    }
}
