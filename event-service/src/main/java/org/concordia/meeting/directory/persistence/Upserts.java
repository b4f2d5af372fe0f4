package org.concordia.meeting.directory.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One conditional upsert per event: the filter says when the event is news. When it is not, the upsert tries to
 * insert a second document with the same {@code _id}, the unique index refuses it, and the event is ignored. So
 * replays, duplicates and several instances applying one event all end in the same state.
 */
final class Upserts {

    private Upserts() {}

    static void apply(MongoCollection<Document> collection, Bson news, Bson update) {
        try {
            collection.updateOne(news, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (org.springframework.dao.DuplicateKeyException alreadyApplied) {
            // no news
        }
    }
}
