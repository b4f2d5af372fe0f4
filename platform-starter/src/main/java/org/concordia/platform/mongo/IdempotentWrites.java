package org.concordia.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Unordered bulk writes of documents keyed by deterministic ids, where a duplicate key means "written before" (by an
 * earlier attempt, a redelivery, another instance): the others are written all the same, and any other error is
 * thrown. The same on MongoDB and on the embedded store.
 */
public final class IdempotentWrites {

    private IdempotentWrites() {}

    /**
     * Inserts the documents, leaving those whose key is taken.
     *
     * @return the positions (in {@code documents}) of those that were there already
     */
    public static <T> Set<Integer> insertNew(MongoCollection<T> collection, List<? extends T> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        return leavingDuplicates(() -> collection.insertMany(documents, new InsertManyOptions().ordered(false)));
    }

    /**
     * Applies the writes (conditional upserts, typically), leaving those that met a taken key.
     *
     * @return the positions (in {@code writes}) of those that met one
     */
    public static <T> Set<Integer> bulkWrite(
            MongoCollection<T> collection, List<? extends WriteModel<? extends T>> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        return leavingDuplicates(() -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    private static Set<Integer> leavingDuplicates(Runnable write) {
        try {
            write.run();
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return duplicates(e);
        }
    }

    private static Set<Integer> duplicates(MongoBulkWriteException e) {
        Set<Integer> positions = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            positions.add(error.getIndex());
        }
        // a write concern error (or no write error at all) is not "written before"
        if (e.getWriteConcernError() != null || positions.isEmpty()) {
            throw e;
        }
        return positions;
    }
}
