package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Watches the service's database with a MongoDB change stream and asks for every aggregate to be published whose
 * outbox an insert, update or replacement in a registered aggregate collection filled, so that the writes of every
 * instance (and of any other process) are published at once without polling. The sweep keeps running at the slower
 * {@code concordia.outbox.safety-sweep-interval}, for what the stream cannot show: changes made while no instance was
 * watching, and work left by a crash or a Kafka outage.
 *
 * <p>A store without change streams (a standalone server, or the embedded store, which keeps no oplog and answers an
 * empty, closed cursor) is recognised when the stream is opened: the relay then polls at
 * {@code concordia.outbox.sweep-interval}, as with the polling driver, and says so once at INFO. A stream that fails
 * later is reopened after a pause, resuming after the last change it delivered.
 */
final class ChangeStreamDriver implements RelayDriver {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final List<Bson> INSERTS_AND_UPDATES =
            List.of(Aggregates.match(Filters.in("operationType", "insert", "update", "replace")));

    private final MongoTemplate mongo;
    private final AggregateCollections collections;
    private final BiConsumer<String, Object> publishSoon;
    private final Runnable sweep;
    private final Duration sweepInterval;
    private final Duration safetySweepInterval;
    private final Duration reopenAfter;
    private volatile boolean running;
    /** Counted down by {@link #stop()}, so a watcher waiting to reopen its stream ends at once. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    private volatile RelayDriver sweeping;
    private Thread watcher;

    ChangeStreamDriver(
            MongoTemplate mongo,
            AggregateCollections collections,
            BiConsumer<String, Object> publishSoon,
            Runnable sweep,
            OutboxProperties properties) {
        this.mongo = mongo;
        this.collections = collections;
        this.publishSoon = publishSoon;
        this.sweep = sweep;
        this.sweepInterval = properties.sweepInterval();
        this.safetySweepInterval = properties.safetySweepInterval();
        this.reopenAfter = properties.initialBackoff();
    }

    @Override
    public void start() {
        MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
        try {
            cursor = open(null);
        } catch (RuntimeException unsupported) {
            pollInstead(unsupported.getMessage());
            return;
        }
        if (cursor.getServerCursor() == null) {
            // a live change stream always has a cursor on the server; the embedded store answers an exhausted one
            cursor.close();
            pollInstead("the store answered a closed cursor, so it keeps no oplog to watch");
            return;
        }
        stopping = new CountDownLatch(1);
        running = true;
        sweeping = new PollingDriver(sweep, safetySweepInterval);
        sweeping.start();
        watcher = new Thread(() -> watch(cursor), "outbox-change-stream");
        watcher.setDaemon(true);
        watcher.start();
        log.info(
                "Outbox relay driven by a change stream on {}; the sweep runs every {} ms as a safety net",
                mongo.getDb().getName(),
                safetySweepInterval.toMillis());
    }

    private void pollInstead(String reason) {
        log.info(
                "Change streams are not available on this store ({}); the outbox relay polls every {} ms instead",
                reason,
                sweepInterval.toMillis());
        sweeping = new PollingDriver(sweep, sweepInterval);
        sweeping.start();
    }

    /** Whether the relay fell back to polling at the full sweep rate. */
    boolean polling() {
        return watcher == null;
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open(BsonDocument resumeAfter) {
        var stream = mongo.getDb().watch(INSERTS_AND_UPDATES, Document.class).maxAwaitTime(1, TimeUnit.SECONDS);
        if (resumeAfter != null) {
            stream = stream.resumeAfter(resumeAfter);
        }
        return stream.cursor();
    }

    private void watch(MongoChangeStreamCursor<ChangeStreamDocument<Document>> first) {
        MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = first;
        BsonDocument resumeToken = null;
        while (running) {
            try {
                if (cursor == null) {
                    cursor = open(resumeToken);
                }
                ChangeStreamDocument<Document> change = cursor.tryNext();
                if (change != null) {
                    resumeToken = change.getResumeToken();
                    publishIfOutboxFilled(change);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn(
                        "The outbox change stream failed, reopening in {} ms (the sweep goes on meanwhile): {}",
                        reopenAfter.toMillis(),
                        e.toString());
                close(cursor);
                cursor = null;
                pause();
            }
        }
        close(cursor);
    }

    private void publishIfOutboxFilled(ChangeStreamDocument<Document> change) {
        if (change.getNamespace() == null || change.getDocumentKey() == null) {
            return;
        }
        String collection = change.getNamespace().getCollectionName();
        if (!collections.isKnown(collection) || !fillsOutbox(change)) {
            return;
        }
        publishSoon.accept(collection, idOf(change.getDocumentKey().get("_id")));
    }

    /**
     * Whether the change left events in the outbox: a write through {@link AggregateStore} pushes entries, while the
     * relay's own removal of what it published leaves an empty array, which needs nothing.
     */
    static boolean fillsOutbox(ChangeStreamDocument<Document> change) {
        Document full = change.getFullDocument();
        if (full != null) {
            return full.get(OUTBOX) instanceof List<?> entries && !entries.isEmpty();
        }
        UpdateDescription update = change.getUpdateDescription();
        if (update == null || update.getUpdatedFields() == null) {
            return false;
        }
        for (Map.Entry<String, BsonValue> field : update.getUpdatedFields().entrySet()) {
            if (field.getKey().startsWith(OUTBOX + ".")) {
                return true;
            }
            if (field.getKey().equals(OUTBOX)
                    && field.getValue().isArray()
                    && !field.getValue().asArray().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The id as the aggregate's documents hold it (a string, an ObjectId …), as the sweep would find it. */
    private static Object idOf(BsonValue id) {
        BsonDocument wrapper = new BsonDocument("_id", id);
        return new DocumentCodec()
                .decode(
                        new BsonDocumentReader(wrapper),
                        DecoderContext.builder().build())
                .get("_id");
    }

    /** Waits before reopening the stream, or until the driver stops. */
    private void pause() {
        try {
            if (stopping.await(reopenAfter.toMillis(), TimeUnit.MILLISECONDS)) {
                running = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void close(MongoChangeStreamCursor<?> cursor) {
        if (cursor != null) {
            try {
                cursor.close();
            } catch (RuntimeException ignored) {
                // the stream is being given up anyway
            }
        }
    }

    @Override
    public void stop() {
        // the watcher sees this within the stream's await time of one second
        running = false;
        stopping.countDown();
        if (sweeping != null) {
            sweeping.stop();
        }
    }
}
