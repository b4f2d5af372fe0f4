package org.concordia.notification.delivery.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.concordia.notification.delivery.Digests;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code digests}: one document per person and due time ({@code _id} = the digest delivery's id), with the ids of
 * the notifications it lists; every write is an upsert by {@code _id} with {@code $addToSet}, so a repeated
 * fan-out adds nothing.
 */
@Repository
class MongoDigests implements Digests {

    private final MongoCollection<Document> digests;

    MongoDigests(MongoTemplate mongo) {
        digests = mongo.getCollection("digests");
    }

    @Override
    public void collect(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", e.digestId()),
                    Updates.combine(
                            Updates.addToSet("notificationIds", e.notificationId()),
                            Updates.setOnInsert("personId", e.personId()),
                            Updates.setOnInsert("period", e.period()),
                            Updates.setOnInsert("dueAt", Date.from(e.dueAt()))),
                    new UpdateOptions().upsert(true)));
        }
        try {
            digests.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // two upserts of a new digest in one batch: the loser's addition is applied again below
            List<WriteModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                again.add(writes.get(error.getIndex()));
            }
            digests.bulkWrite(again, new BulkWriteOptions().ordered(true));
        }
    }

    @Override
    public Optional<Collected> find(String digestId) {
        Document d = digests.find(Filters.eq("_id", digestId)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Collected(
                digestId,
                d.getString("personId"),
                d.getString("period"),
                d.getDate("dueAt").toInstant(),
                d.getList("notificationIds", String.class, List.of())));
    }
}
