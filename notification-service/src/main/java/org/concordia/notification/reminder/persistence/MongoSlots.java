package org.concordia.notification.reminder.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
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
import org.concordia.notification.reminder.Slot;
import org.concordia.notification.reminder.Slots;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code reminder_slots}: one document per pending slot ({@code _id} = slot id), claimed with findAndModify and a
 * lease; a sent slot leaves the collection, which so holds only what is ahead. {@code reminder_plans}: per meeting
 * ({@code _id} = meeting id) the ids of its pending slots, so that re-planning reads and drops by {@code _id}.
 */
@Repository
class MongoSlots implements Slots {

    private final MongoCollection<Document> slots;
    private final MongoCollection<Document> plans;

    MongoSlots(MongoTemplate mongo) {
        slots = mongo.getCollection("reminder_slots");
        plans = mongo.getCollection("reminder_plans");
        slots.createIndex(Indexes.ascending("dueAt"));
    }

    @Override
    public void plan(String meetingId, List<Slot> planned) {
        Set<String> keep = new HashSet<>();
        planned.forEach(s -> keep.add(s.id()));
        Document plan = plans.find(Filters.eq("_id", meetingId)).first();
        List<String> before = plan == null ? List.of() : plan.getList("slots", String.class, List.of());
        List<String> dropped = before.stream().filter(id -> !keep.contains(id)).toList();
        if (!dropped.isEmpty()) {
            slots.deleteMany(Filters.in("_id", dropped));
        }
        List<Document> added = new ArrayList<>();
        for (Slot s : planned) {
            if (!before.contains(s.id())) {
                added.add(new Document("_id", s.id())
                        .append("meetingId", s.meetingId())
                        .append("start", Date.from(s.start()))
                        .append("minutesBefore", s.minutesBefore())
                        .append("dueAt", Date.from(s.dueAt())));
            }
        }
        if (!added.isEmpty()) {
            try {
                slots.insertMany(added, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                    throw e;
                }
            }
        }
        plans.updateOne(
                Filters.eq("_id", meetingId),
                Updates.set("slots", planned.stream().map(Slot::id).toList()),
                new UpdateOptions().upsert(true));
    }

    @Override
    public Optional<Slot> claim(Instant now, Duration lease, String owner) {
        Date at = Date.from(now);
        Document claimed = slots.findOneAndUpdate(
                Filters.and(
                        Filters.lte("dueAt", at),
                        Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", at))),
                Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("owner", owner)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(MongoSlots::slot);
    }

    @Override
    public long countDue(Instant now) {
        return slots.countDocuments(Filters.lte("dueAt", Date.from(now)));
    }

    @Override
    public void done(Slot slot) {
        slots.deleteOne(Filters.eq("_id", slot.id()));
        plans.updateOne(Filters.eq("_id", slot.meetingId()), Updates.pull("slots", slot.id()));
    }

    @Override
    public List<Slot> pending(String meetingId) {
        Document plan = plans.find(Filters.eq("_id", meetingId)).first();
        List<String> ids = plan == null ? List.of() : plan.getList("slots", String.class, List.of());
        List<Slot> pending = new ArrayList<>();
        if (!ids.isEmpty()) {
            slots.find(Filters.in("_id", ids)).sort(Sorts.ascending("dueAt")).forEach(d -> pending.add(slot(d)));
        }
        return pending;
    }

    private static Slot slot(Document d) {
        return new Slot(
                d.getString("_id"),
                d.getString("meetingId"),
                d.getDate("start").toInstant(),
                d.getInteger("minutesBefore", 0),
                d.getDate("dueAt").toInstant());
    }
}
