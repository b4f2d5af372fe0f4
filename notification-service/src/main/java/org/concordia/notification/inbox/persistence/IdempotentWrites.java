package org.concordia.notification.inbox.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Unordered bulk writes keyed by deterministic ids, where a duplicate key means "written before". */
final class IdempotentWrites {

    private static final int DUPLICATE_KEY = 11000;

    private IdempotentWrites() {}

    /** @return the positions of the documents that were there already */
    static List<Integer> insertAll(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Integer> existing = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
            return existing;
        }
    }

    /** Duplicate keys mean "applied before" for these conditional upserts. */
    static void bulkIgnoringDuplicates(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
