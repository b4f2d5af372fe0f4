package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, in order per aggregate, and removes each only after
 * Kafka acknowledged it.
 *
 * <p>An instance publishes an aggregate only while it holds its claim: a document in {@value #CLAIMS} whose
 * {@code _id} names the aggregate, so inserting it is atomic and a second instance's insert fails on the unique
 * {@code _id}. A claim carries a lease; a crashed instance's claim runs out and another takes it over. Claims are
 * taken for batches of aggregates at once, and every lookup of aggregates is by {@code _id}, which every store answers
 * from its primary index. Within an aggregate, each event is sent only after the previous one was acknowledged;
 * different aggregates are in flight together. A write asks for its aggregate to be published right away (bursts
 * coalesce into batches); a periodic sweep catches what a crash or an outage left behind. While Kafka is unavailable
 * an aggregate's claim is kept with a deadline that grows exponentially, so nothing is lost and nothing spins.
 */
public class OutboxRelay implements SmartLifecycle {

    static final int BATCH = 200;
    static final String CLAIMS = "outbox_claims";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Map<String, Queue<Object>> requested = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private final Timer latency;
    private ExecutorService immediate;
    private ScheduledExecutorService sweeper;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("concordia.outbox.published")
                .description("Events published from outboxes to Kafka")
                .register(meters);
        this.failures = Counter.builder("concordia.outbox.failures")
                .description("Failed attempts to publish an aggregate's outbox")
                .register(meters);
        this.latency = Timer.builder("concordia.outbox.latency")
                .description("Time from an event's write to Kafka's acknowledgement")
                .register(meters);
        Gauge.builder("concordia.outbox.pending.aggregates", this, OutboxRelay::pendingAggregates)
                .description("Aggregates with events not yet published to Kafka")
                .register(meters);
    }

    /** Publishes the aggregate's pending events soon, on a relay thread; the sweep is the safety net. */
    void publishSoon(String collection, Object id) {
        track(collection);
        if (!running.get()) {
            return;
        }
        requested
                .computeIfAbsent(collection, c -> new ConcurrentLinkedQueue<>())
                .add(id);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                immediate.execute(this::drainRequested);
            } catch (RuntimeException rejected) {
                draining.set(false);
                log.debug("Relay is stopping; the sweep will publish what was requested");
            }
        }
    }

    private void drainRequested() {
        try {
            for (Map.Entry<String, Queue<Object>> entry : requested.entrySet()) {
                Queue<Object> queue = entry.getValue();
                while (!queue.isEmpty() && running.get()) {
                    List<Object> ids = new ArrayList<>();
                    Object id;
                    while (ids.size() < BATCH && (id = queue.poll()) != null) {
                        ids.add(id);
                    }
                    safely(entry.getKey(), ids);
                }
            }
        } finally {
            draining.set(false);
        }
        if (running.get() && requested.values().stream().anyMatch(queue -> !queue.isEmpty())) {
            scheduleDrain();
        }
    }

    private void safely(String collection, List<Object> ids) {
        try {
            publishBatch(collection, ids);
        } catch (RuntimeException e) {
            log.warn("Publishing from {} failed; the sweep retries: {}", collection, e.toString());
        }
    }

    /**
     * Publishes everything pending in every outbox now, on the calling thread.
     *
     * @return how many events were published
     */
    public int sweep() {
        int count = 0;
        for (String collection : candidateCollections()) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            Object after = null;
            while (true) {
                Document pending = new Document(OUTBOX + ".0", new Document("$exists", true));
                if (after != null) {
                    pending.append("_id", new Document("$gt", after));
                }
                List<Object> ids = new ArrayList<>();
                documents
                        .find(pending)
                        .projection(new Document("_id", 1))
                        .sort(new Document("_id", 1))
                        .limit(BATCH)
                        .forEach(document -> ids.add(document.get("_id")));
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                Outcome outcome = publishBatch(collection, ids);
                count += outcome.published();
                if (outcome.failed()) {
                    break;
                }
            }
        }
        return count;
    }

    private Set<String> candidateCollections() {
        try {
            for (String name : mongo.getCollectionNames()) {
                if (!name.startsWith("system.") && !name.equals(CLAIMS)) {
                    track(name);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Cannot list collections to sweep: {}", e.toString());
        }
        return collections;
    }

    /**
     * Remembers a collection to sweep and gives it the index that finds pending work on real MongoDB without a
     * scan: sparse, so only documents with something to publish are in it.
     */
    private void track(String collection) {
        if (collections.add(collection)) {
            try {
                mongo.getCollection(collection)
                        .createIndex(
                                new Document(OUTBOX + ".0.time", 1),
                                new IndexOptions().sparse(true).name("outbox_pending"));
            } catch (RuntimeException e) {
                log.debug("Cannot index the outbox of {}: {}", collection, e.toString());
            }
        }
    }

    /** Claims what it can of the given aggregates, publishes their events, and releases them. */
    private Outcome publishBatch(String collectionName, List<Object> ids) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        String token = UUID.randomUUID().toString();
        Map<Object, Integer> claimedAttempts = claim(collectionName, ids, token);
        if (claimedAttempts.isEmpty()) {
            return new Outcome(0, false, 0);
        }
        List<Document> claimed = new ArrayList<>();
        collection
                .find(new Document("_id", new Document("$in", new ArrayList<>(claimedAttempts.keySet()))))
                .projection(new Document(OUTBOX, 1))
                .forEach(claimed::add);

        List<CompletableFuture<Published>> inFlight = new ArrayList<>(claimed.size());
        for (Document document : claimed) {
            inFlight.add(publishInOrder(document, claimedAttempts.getOrDefault(document.get("_id"), 0)));
        }
        List<Published> results = new ArrayList<>(inFlight.size());
        for (CompletableFuture<Published> future : inFlight) {
            results.add(future.join());
        }

        List<String> done = new ArrayList<>();
        List<Published> failed = new ArrayList<>();
        for (Published result : results) {
            done.addAll(result.done());
            if (result.failure() != null) {
                failed.add(result);
            }
        }
        if (!done.isEmpty()) {
            collection.updateMany(
                    new Document(
                            "_id",
                            new Document(
                                    "$in", results.stream().map(Published::id).toList())),
                    new Document("$pull", new Document(OUTBOX, new Document("id", new Document("$in", done)))));
        }
        Set<Object> released = new HashSet<>(claimedAttempts.keySet());
        failed.forEach(result -> released.remove(result.id()));
        if (!released.isEmpty()) {
            mongo.getCollection(CLAIMS)
                    .deleteMany(new Document(
                                    "_id",
                                    new Document(
                                            "$in",
                                            released.stream()
                                                    .map(id -> claimKey(collectionName, id))
                                                    .toList()))
                            .append("token", token));
        }
        for (Published result : failed) {
            backOff(collectionName, result, token);
        }
        published.increment(done.size());
        return new Outcome(done.size(), !failed.isEmpty(), claimed.size());
    }

    /** Sends one aggregate's events one after the other, each once the previous is acknowledged. */
    private CompletableFuture<Published> publishInOrder(Document document, int attempts) {
        Object id = document.get("_id");
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Document stored : document.getList(OUTBOX, Document.class, List.of())) {
            OutboxEntry entry = OutboxEntry.fromDocument(stored);
            chain = chain.thenCompose(previous -> send(entry)).thenRun(() -> {
                done.add(entry.id());
                latency.record(Duration.between(entry.time(), clock.instant()).abs());
            });
        }
        int previousAttempts = attempts;
        // no timeout of our own: the producer completes every send within its delivery timeout, and a send
        // abandoned here while still in flight would be published and then published again
        return chain.handle((ignored, failure) -> new Published(id, List.copyOf(done), failure, previousAttempts));
    }

    private CompletableFuture<SendResult<String, byte[]>> send(OutboxEntry entry) {
        try {
            return kafka.send(toRecord(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Keeps the claim, so no instance retries before the deadline, which doubles with every failure. */
    private void backOff(String collectionName, Published result, String token) {
        failures.increment();
        Duration backoff = backoff(result.attempts());
        mongo.getCollection(CLAIMS)
                .updateOne(
                        new Document("_id", claimKey(collectionName, result.id())).append("token", token),
                        new Document(
                                "$set",
                                new Document("until", Date.from(clock.instant().plus(backoff)))
                                        .append("attempts", result.attempts() + 1)));
        log.warn(
                "Publishing the outbox of {} failed ({} published, attempt {}), retrying in {} ms: {}",
                result.id(),
                result.done().size(),
                result.attempts() + 1,
                backoff.toMillis(),
                result.failure().toString());
    }

    /**
     * Claims the aggregates nobody holds, and those whose holder's lease ran out.
     *
     * @return the claimed aggregates' ids, each with the failed attempts recorded for it so far
     */
    private Map<Object, Integer> claim(String collectionName, List<Object> ids, String token) {
        Date until = Date.from(clock.instant().plus(properties.lease()));
        List<Document> claims = new ArrayList<>(ids.size());
        for (Object id : ids) {
            claims.add(new Document("_id", claimKey(collectionName, id))
                    .append("owner", owner)
                    .append("token", token)
                    .append("until", until)
                    .append("attempts", 0));
        }
        Map<Object, Integer> claimed = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        MongoCollection<Document> collection = mongo.getCollection(CLAIMS);
        try {
            collection.insertMany(claims, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
        }
        List<String> expiredKeys = new ArrayList<>();
        Map<String, Object> idsByKey = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(i)) {
                idsByKey.put(claimKey(collectionName, ids.get(i)), ids.get(i));
            } else {
                claimed.put(ids.get(i), 0);
            }
        }
        if (!idsByKey.isEmpty()) {
            Date now = Date.from(clock.instant());
            collection
                    .find(new Document("_id", new Document("$in", new ArrayList<>(idsByKey.keySet()))))
                    .forEach(existing -> {
                        if (existing.getDate("until").before(now)) {
                            expiredKeys.add(existing.getString("_id"));
                        }
                    });
            for (String key : expiredKeys) {
                Document takenOver = collection.findOneAndUpdate(
                        new Document("_id", key).append("until", new Document("$lt", now)),
                        new Document(
                                "$set",
                                new Document("owner", owner)
                                        .append("token", token)
                                        .append("until", until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (takenOver != null) {
                    Integer attempts = takenOver.getInteger("attempts");
                    claimed.put(idsByKey.get(key), attempts == null ? 0 : attempts);
                }
            }
        }
        return claimed;
    }

    static String claimKey(String collection, Object id) {
        return collection + "/" + id;
    }

    private Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long millis = initial << Math.min(attempts, 20);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(entry.id())
                .withType(entry.type())
                .withSource(URI.create(entry.source()))
                .withSubject(entry.subject())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.payload())
                .build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(entry.topic(), entry.subject()).writeBinary(event);
        if (entry.traceparent() != null) {
            record.headers()
                    .add(CloudEventHeaders.TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private record Published(Object id, List<String> done, Throwable failure, int attempts) {}

    private record Outcome(int published, boolean failed, int claimed) {}

    @Override
    public void start() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        immediate = Executors.newSingleThreadExecutor(named("outbox-relay"));
        sweeper = Executors.newSingleThreadScheduledExecutor(named("outbox-sweep"));
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::safeSweep, interval, interval, TimeUnit.MILLISECONDS);
        log.info(
                "Outbox relay {} started: sweep every {} ms, lease {} s",
                owner,
                interval,
                properties.lease().toSeconds());
    }

    private void safeSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        sweeper.shutdownNow();
        immediate.shutdown();
        try {
            immediate.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requested.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Started after the Kafka binder and stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Aggregates with events waiting in their outbox, across every known collection. */
    public double pendingAggregates() {
        long count = 0;
        for (String collection : collections) {
            try {
                count += mongo.getCollection(collection)
                        .countDocuments(new Document(OUTBOX + ".0", new Document("$exists", true)));
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return count;
    }
}
