package org.concordia.platform.outbox;

import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Finds the aggregates with pending events in every aggregate collection and publishes them a batch at a time
 * ({@link BatchPipeline}), on the calling thread: the safety net behind the requests to publish right away.
 *
 * <p>Guarantees: it reads the pending ids in pages of {@link #BATCHES_PER_PAGE} batches, in {@code _id} order, so
 * that where the store scans to find them one scan serves many batches; batches overlap by one (the next is claimed,
 * read and sent while Kafka acknowledges the one before it), and the last one is completed before it returns, even
 * when it fails. While Kafka fails it stops at the batch that found out, leaving the rest of the collection to the
 * next sweep; a collection that cannot be swept is logged and the others are swept all the same.
 */
final class OutboxSweep {

    /** How many batches one page of the sweep holds. */
    static final int BATCHES_PER_PAGE = 10;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final AggregateCollections collections;
    private final PendingAggregates pending;
    private final BatchPipeline pipeline;
    private final int batchSize;

    OutboxSweep(
            MongoTemplate mongo,
            AggregateCollections collections,
            PendingAggregates pending,
            BatchPipeline pipeline,
            int batchSize) {
        this.mongo = mongo;
        this.collections = collections;
        this.pending = pending;
        this.pipeline = pipeline;
        this.batchSize = batchSize;
    }

    /**
     * Publishes everything pending in every aggregate collection now.
     *
     * @return how many events were published
     */
    int sweep() {
        int count = 0;
        for (String collection : collections.all()) {
            try {
                count += sweep(collection);
            } catch (RuntimeException e) {
                log.warn("Sweeping the outboxes of {} failed: {}", collection, e.toString());
            }
        }
        return count;
    }

    /**
     * Publishes a collection's pending aggregates a batch at a time, from pages of many batches: where the store
     * scans to find them (the embedded one does, for every filter but {@code _id}), one scan serves many batches.
     */
    private int sweep(String collectionName) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        int pageSize = batchSize * BATCHES_PER_PAGE;
        int count = 0;
        BatchPipeline.Flight inFlight = null;
        try {
            Object after = null;
            boolean more = true;
            while (more) {
                List<Object> page = pending.page(collection, after, pageSize);
                if (page.isEmpty()) {
                    break;
                }
                more = page.size() == pageSize;
                after = page.get(page.size() - 1);
                for (int from = 0; from < page.size(); from += batchSize) {
                    List<Object> ids = page.subList(from, Math.min(page.size(), from + batchSize));
                    // the next batch is claimed, read and sent while Kafka acknowledges the one before it
                    BatchPipeline.Flight done = inFlight;
                    inFlight = pipeline.begin(collectionName, ids);
                    if (done != null) {
                        BatchPipeline.Outcome outcome = pipeline.complete(done);
                        count += outcome.published();
                        if (outcome.retrying()) {
                            // Kafka is failing: the backed-off aggregates come back at their deadline, the rest next
                            // sweep
                            more = false;
                            break;
                        }
                    }
                }
            }
        } finally {
            if (inFlight != null) {
                BatchPipeline.Flight last = inFlight;
                inFlight = null;
                count += pipeline.complete(last).published();
            }
        }
        return count;
    }
}
