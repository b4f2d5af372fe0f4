package org.concordia.platform.outbox;

import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;

/**
 * What the relay's sweep publishes next: the aggregates of one collection that have events waiting, a page at a
 * time in {@code _id} order. {@link #INDEXED} is the default; it reads the sparse {@value OutboxRelay#INDEX} index on
 * real MongoDB. Writes ask for their aggregate to be published at once ({@link OutboxRelay#publishSoon}); a driver
 * fed by a MongoDB change stream would call the same method, with the sweep left as the safety net.
 */
@FunctionalInterface
public interface PendingAggregates {

    /**
     * @param after the last id of the previous page, or {@code null} for the first page
     * @return at most {@code limit} ids greater than {@code after}, ascending
     */
    List<Object> page(MongoCollection<Document> collection, Object after, int limit);

    PendingAggregates INDEXED = (collection, after, limit) -> {
        Document pending = new Document(OutboxRelay.PENDING_FIELD, new Document("$exists", true));
        if (after != null) {
            pending.append("_id", new Document("$gt", after));
        }
        return collection
                .find(pending)
                .projection(new Document("_id", 1))
                .sort(new Document("_id", 1))
                .limit(limit)
                .map(document -> document.get("_id"))
                .into(new java.util.ArrayList<>());
    };
}
