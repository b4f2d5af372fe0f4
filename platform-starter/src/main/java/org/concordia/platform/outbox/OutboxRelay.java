package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.LEASE;
import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, in order per aggregate, and removes each only after
 * Kafka acknowledged it.
 *
 * <p>Work is claimed per aggregate document with an atomic findAndModify that sets a lease, so any number of
 * instances can relay the same outboxes: one aggregate is published by one instance at a time, and a crashed
 * instance's lease runs out and another takes over. A write asks for its aggregate to be published right away; a
 * periodic sweep catches what a crash or an outage left behind. While Kafka is unavailable an aggregate's lease is
 * pushed out with exponential backoff, so nothing is lost and nothing spins.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
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
                .description("Failed attempts to publish an outbox")
                .register(meters);
        this.latency = Timer.builder("concordia.outbox.latency")
                .description("Time from an event's write to Kafka's acknowledgement")
                .register(meters);
        io.micrometer.core.instrument.Gauge.builder(
                        "concordia.outbox.pending.aggregates", this, OutboxRelay::pendingAggregates)
                .description("Aggregates with events not yet published to Kafka")
                .register(meters);
    }

    /** Publishes the aggregate's pending events soon, on a relay thread; the sweep is the safety net. */
    void publishSoon(String collection, Object id) {
        track(collection);
        if (!running.get()) {
            return;
        }
        try {
            immediate.execute(() -> drain(collection, new Document("_id", id)));
        } catch (RuntimeException rejected) {
            log.debug("Relay is stopping; the sweep will publish {} {}", collection, id);
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
            count += drain(collection, new Document());
        }
        return count;
    }

    private Set<String> candidateCollections() {
        try {
            for (String name : mongo.getCollectionNames()) {
                if (!name.startsWith("system.")) {
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

    /** Claims and publishes matching aggregates until none is left or Kafka fails. */
    private int drain(String collectionName, Document selector) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        int count = 0;
        while (true) {
            Document claimed;
            try {
                claimed = claim(collection, selector);
            } catch (RuntimeException e) {
                log.warn("Cannot claim outbox work in {}: {}", collectionName, e.toString());
                return count;
            }
            if (claimed == null) {
                return count;
            }
            Outcome outcome = publish(collection, claimed);
            count += outcome.published();
            if (outcome.failed()) {
                return count;
            }
        }
    }

    private Document claim(MongoCollection<Document> collection, Document selector) {
        Date now = Date.from(clock.instant());
        Bson filter = new Document(selector)
                .append(OUTBOX + ".0", new Document("$exists", true))
                .append(
                        "$or",
                        List.of(new Document(LEASE, null), new Document(LEASE + ".until", new Document("$lt", now))));
        Bson update = new Document(
                "$set",
                new Document(LEASE + ".owner", owner)
                        .append(LEASE + ".until", Date.from(clock.instant().plus(properties.lease()))));
        return collection.findOneAndUpdate(
                filter,
                update,
                new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER)
                        .projection(new Document(OUTBOX, 1).append(LEASE, 1)));
    }

    private Outcome publish(MongoCollection<Document> collection, Document claimed) {
        Object id = claimed.get("_id");
        List<Document> pending = claimed.getList(OUTBOX, Document.class, List.of());
        List<String> done = new ArrayList<>();
        Exception failure = null;
        for (Document stored : pending) {
            OutboxEntry entry = OutboxEntry.fromDocument(stored);
            try {
                kafka.send(toRecord(entry)).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                done.add(entry.id());
                published.increment();
                latency.record(Duration.between(entry.time(), clock.instant()).abs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        Document idFilter = new Document("_id", id);
        if (!done.isEmpty()) {
            collection.updateOne(
                    idFilter,
                    new Document("$pull", new Document(OUTBOX, new Document("id", new Document("$in", done)))));
        }
        Document ownLease = new Document("_id", id).append(LEASE + ".owner", owner);
        if (failure == null) {
            collection.updateOne(ownLease, new Document("$unset", new Document(LEASE, "")));
            return new Outcome(done.size(), false);
        }
        failures.increment();
        Document lease = claimed.get(LEASE, Document.class);
        int attempts = lease != null && lease.getInteger("attempts") != null ? lease.getInteger("attempts") : 0;
        Duration backoff = backoff(attempts);
        collection.updateOne(
                ownLease,
                new Document(
                                "$set",
                                new Document(
                                        LEASE + ".until",
                                        Date.from(clock.instant().plus(backoff))))
                        .append("$inc", new Document(LEASE + ".attempts", 1)));
        log.warn(
                "Publishing the outbox of {} failed ({} published, attempt {}), retrying in {} ms: {}",
                id,
                done.size(),
                attempts + 1,
                backoff.toMillis(),
                failure.toString());
        return new Outcome(done.size(), true);
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

    private record Outcome(int published, boolean failed) {}

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

    private static java.util.concurrent.ThreadFactory named(String name) {
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
