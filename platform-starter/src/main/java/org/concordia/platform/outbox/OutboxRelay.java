package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, in order per aggregate, and removes each only after
 * Kafka acknowledged it.
 *
 * <p>An instance publishes an aggregate only while it holds its claim ({@link ClaimLedger}), renewed while its batch
 * is sending ({@link LeaseRenewal}); a crashed instance's claims run out and another takes them over. Every store
 * round trip serves a whole batch of aggregates and finds documents by {@code _id}: one {@code insertMany} of claims,
 * one read by {@code _id $in}, one bulk write of {@code $pull}s of what Kafka acknowledged (one per aggregate, by
 * {@code _id}), one {@code deleteMany} releasing the claims. The aggregates of a batch are sent at once, each
 * aggregate's events one after another ({@link OutboxSender}), and only the acknowledged prefix of an aggregate's
 * outbox is removed. Batches overlap by one: the next is claimed, read and sent while Kafka acknowledges the one
 * before it; {@code concordia.outbox.step} times each step.
 *
 * <p>A write asks for its aggregate to be published right away ({@link #publishSoon}, bounded and fair across
 * collections); a {@link RelayDriver} finds the rest: a periodic sweep of the aggregate collections
 * ({@link PendingAggregates}) or a change stream with a slower sweep behind it. While Kafka is unavailable an
 * aggregate's claim is kept with a deadline that grows exponentially. An event that can never be published (a
 * malformed entry, a record Kafka refuses for good) parks its aggregate ({@link Parking}) until an operator retries or
 * discards it through {@link OutboxEndpoint}.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String CLAIMS = ClaimLedger.CLAIMS;
    static final String COLLECTIONS = AggregateCollections.COLLECTIONS;
    static final String INDEX = "outbox_pending";
    static final String PENDING_FIELD = OUTBOX + ".0.id";
    /** How many batches one page of the sweep holds. */
    static final int BATCHES_PER_PAGE = 10;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final OutboxProperties properties;
    private final Clock clock;
    private final PendingAggregates pending;
    private final String owner = UUID.randomUUID().toString();
    private final AggregateCollections collections;
    private final ClaimLedger ledger;
    private final Parking parking;
    private final LeaseRenewal leases;
    private final OutboxSender sender;
    private final RelayMeters meters;
    private final PublishQueue queue;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Runnable afterClaim = () -> {};
    private ScheduledExecutorService immediate;
    private RelayDriver driver;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this(mongo, kafka, properties, clock, meters, PendingAggregates.INDEXED);
    }

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters,
            PendingAggregates pending) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.pending = pending;
        this.queue = new PublishQueue(properties.queueCapacity());
        this.collections = new AggregateCollections(mongo, clock, properties.collections());
        this.ledger = new ClaimLedger(mongo, properties.lease(), clock, owner);
        this.parking = new Parking(mongo, clock);
        this.leases = new LeaseRenewal(ledger, properties.lease());
        this.sender = new OutboxSender(kafka);
        this.meters = new RelayMeters(meters, this, OutboxRelay::parkedAggregates);
    }

    /**
     * Makes the collection one the relay sweeps, for every instance, and gives it the index that finds pending work.
     * {@link AggregateStore} calls it before its first write of a type.
     *
     * @throws IllegalStateException when the collection has a different index under the relay's index name
     */
    void register(String collection) {
        collections.register(collection);
    }

    /**
     * Asks for the aggregate's pending events to be published soon, on a relay thread; the driver's sweep is the
     * safety net. The change-stream driver calls it for every change that fills an outbox.
     */
    public void publishSoon(String collection, Object id) {
        if (!running.get()) {
            return;
        }
        if (!queue.offer(collection, id)) {
            meters.dropped.increment();
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                // the first request waits a moment for others to join its batch; those arriving while a batch is
                // being published join the next one
                immediate.schedule(this::drainRequested, properties.linger().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RuntimeException rejected) {
                draining.set(false);
                log.debug("Relay is stopping; the sweep will publish what was requested");
            }
        }
    }

    /**
     * Publishes the requested aggregates a batch at a time. Between batches it takes only full batches at once: a
     * smaller remainder waits one linger for the requests still arriving to join it, so that a burst of writes is
     * published in a few large batches (each costs the same four store round trips) rather than many small ones.
     * Batches overlap by one: the next batch is claimed, read and sent while Kafka acknowledges the one before it.
     */
    private void drainRequested() {
        Flight inFlight = null;
        try {
            PublishQueue.Batch batch;
            boolean lingered = true;
            while (running.get()
                    && (lingered || queue.size() >= properties.batchSize())
                    && (batch = queue.poll(properties.batchSize())) != null) {
                lingered = false;
                List<Object> ids = new ArrayList<>(batch.ids());
                List<Object> again = new ArrayList<>();
                if (inFlight != null && inFlight.collection().equals(batch.collection())) {
                    // asked for again while the batch before is sending it: it goes once that batch is done
                    for (Object id : batch.ids()) {
                        if (inFlight.claimed().containsKey(id)) {
                            again.add(id);
                        }
                    }
                    ids.removeAll(again);
                }
                Flight next = null;
                try {
                    next = ids.isEmpty() ? null : begin(batch.collection(), ids);
                } catch (RuntimeException e) {
                    log.warn("Publishing from {} failed; the sweep retries: {}", batch.collection(), e.toString());
                }
                completeQuietly(inFlight);
                for (Object id : again) {
                    if (!queue.offer(batch.collection(), id)) {
                        meters.dropped.increment();
                    }
                }
                inFlight = next;
            }
        } finally {
            completeQuietly(inFlight);
            draining.set(false);
        }
        if (running.get() && !queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void completeQuietly(@Nullable Flight flight) {
        if (flight == null) {
            return;
        }
        try {
            complete(flight);
        } catch (RuntimeException e) {
            log.warn("Publishing from {} failed; the sweep retries: {}", flight.collection(), e.toString());
        }
    }

    /**
     * Publishes everything pending in every aggregate collection now, on the calling thread. A collection that
     * cannot be swept is logged and the others are swept all the same.
     *
     * @return how many events were published
     */
    public int sweep() {
        int count = 0;
        for (String collection : aggregateCollections()) {
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
        int batchSize = properties.batchSize();
        int pageSize = batchSize * BATCHES_PER_PAGE;
        int count = 0;
        Flight inFlight = null;
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
                    Flight done = inFlight;
                    inFlight = begin(collectionName, ids);
                    if (done != null) {
                        Outcome outcome = complete(done);
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
                Flight last = inFlight;
                inFlight = null;
                count += complete(last).published();
            }
        }
        return count;
    }

    /** The collections written through an {@link AggregateStore} by any instance, and those declared. */
    Set<String> aggregateCollections() {
        return collections.all();
    }

    /**
     * One batch on its way: the aggregates it claimed (with the failed attempts recorded for each), those whose claim
     * it gives up when done, and their events being sent.
     */
    private record Flight(
            String collection,
            String token,
            Map<Object, Integer> claimed,
            Set<Object> release,
            List<OutboxSender.Sending> sending) {}

    /**
     * Claims what it can of the given aggregates, reads their outboxes and sends their events, all aggregates at
     * once and each aggregate's events in order.
     *
     * @return the batch on its way, or null when nothing could be claimed
     */
    private @Nullable Flight begin(String collectionName, List<Object> ids) {
        String token = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Map<Object, Integer> claimed = ledger.claim(collectionName, ids, token);
        meters.step("claim", started);
        if (claimed.isEmpty()) {
            return null;
        }
        meters.batches.record(claimed.size());
        leases.hold(
                token,
                claimed.keySet().stream()
                        .map(id -> ClaimLedger.key(collectionName, id))
                        .toList());
        Set<Object> release = new HashSet<>(claimed.keySet());
        try {
            afterClaim.run();
            return new Flight(collectionName, token, claimed, release, send(collectionName, claimed, token, release));
        } catch (RuntimeException e) {
            leases.release(token);
            ledger.release(collectionName, release, token);
            throw e;
        }
    }

    /** Reads the claimed aggregates' outboxes in one round trip and starts sending their events. */
    private List<OutboxSender.Sending> send(
            String collectionName, Map<Object, Integer> claimed, String token, Set<Object> release) {
        long started = System.nanoTime();
        List<Document> documents = mongo.getCollection(collectionName)
                .find(new Document("_id", new Document("$in", new ArrayList<>(claimed.keySet()))))
                .projection(new Document(OUTBOX, 1))
                .into(new ArrayList<>(claimed.size()));
        meters.step("read", started);
        started = System.nanoTime();
        List<OutboxSender.Sending> sending = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Object id = document.get("_id");
            List<OutboxEntry> entries;
            try {
                entries = entries(document);
            } catch (MalformedOutboxEntryException e) {
                release.remove(id);
                meters.malformed.increment();
                parking.park(collectionName, id, token, firstUnreadable(document), "malformed", e.getMessage());
                continue;
            }
            if (!entries.isEmpty()) {
                sending.add(sender.send(id, entries, claimed.getOrDefault(id, 0)));
            }
        }
        meters.step("send", started);
        return sending;
    }

    /**
     * Waits for Kafka's acknowledgements of the batch, removes what Kafka acknowledged and releases the claims.
     * Aggregates taken out of {@code release} keep their claim: backed off or parked.
     */
    private Outcome complete(Flight flight) {
        try {
            return acknowledge(flight);
        } finally {
            leases.release(flight.token());
            long started = System.nanoTime();
            ledger.release(flight.collection(), flight.release(), flight.token());
            meters.step("release", started);
        }
    }

    private Outcome acknowledge(Flight flight) {
        String collectionName = flight.collection();
        long started = System.nanoTime();
        List<WriteModel<Document>> pulls = new ArrayList<>(flight.sending().size());
        int acknowledged = 0;
        boolean retrying = false;
        for (OutboxSender.Sending aggregate : flight.sending()) {
            List<String> done = aggregate.acknowledgedPrefix(meters.latency, clock);
            if (!done.isEmpty()) {
                acknowledged += done.size();
                // by _id, each with its own events: the store finds every document by its key
                pulls.add(new UpdateOneModel<>(
                        new Document("_id", aggregate.id()),
                        new Document("$pull", new Document(OUTBOX, new Document("id", new Document("$in", done))))));
            }
            Throwable failure = aggregate.failure();
            if (failure == null) {
                continue;
            }
            flight.release().remove(aggregate.id());
            OutboxEntry failed = aggregate.entries().get(done.size());
            if (OutboxSender.isPermanent(failure)) {
                meters.rejected.increment();
                parking.park(
                        collectionName,
                        aggregate.id(),
                        flight.token(),
                        failed.toDocument(),
                        "rejected",
                        OutboxSender.describe(failure));
            } else {
                retrying = true;
                backOff(collectionName, aggregate, done.size(), flight.token(), failure);
            }
        }
        meters.step("acknowledged", started);
        if (!pulls.isEmpty()) {
            started = System.nanoTime();
            mongo.getCollection(collectionName).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
            meters.step("pull", started);
            meters.published.increment(acknowledged);
        }
        return new Outcome(acknowledged, retrying);
    }

    private static List<OutboxEntry> entries(Document document) {
        Object stored = document.get(OUTBOX);
        if (stored == null) {
            return List.of();
        }
        if (!(stored instanceof List<?> list)) {
            throw new MalformedOutboxEntryException(
                    "the outbox is a " + stored.getClass().getSimpleName() + ", not an array");
        }
        List<OutboxEntry> entries = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof Document fields)) {
                throw new MalformedOutboxEntryException("an entry is a "
                        + (entry == null ? "null" : entry.getClass().getSimpleName()) + ", not a document");
            }
            entries.add(OutboxEntry.fromDocument(fields));
        }
        return entries;
    }

    private static Document firstUnreadable(Document document) {
        if (document.get(OUTBOX) instanceof List<?> list) {
            for (Object entry : list) {
                if (!(entry instanceof Document fields)) {
                    return new Document();
                }
                try {
                    OutboxEntry.fromDocument(fields);
                } catch (MalformedOutboxEntryException e) {
                    return fields;
                }
            }
        }
        return new Document();
    }

    /** Keeps the claim, so no instance retries before the deadline, which doubles with every failure. */
    private void backOff(
            String collectionName, OutboxSender.Sending aggregate, int published, String token, Throwable failure) {
        meters.failures.increment();
        Duration backoff = backoff(aggregate.attempts());
        String reason = OutboxSender.describe(failure);
        ledger.backOff(collectionName, aggregate.id(), token, aggregate.attempts() + 1, backoff, reason);
        log.warn(
                "Publishing the outbox of {} {} failed ({} published, attempt {}), retrying in {} ms: {}",
                collectionName,
                aggregate.id(),
                published,
                aggregate.attempts() + 1,
                backoff.toMillis(),
                reason);
    }

    private Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long millis = initial << Math.min(attempts, 20);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    static String claimKey(String collection, Object id) {
        return ClaimLedger.key(collection, id);
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        return OutboxSender.toRecord(entry);
    }

    private record Outcome(int published, boolean retrying) {}

    /** Runs right after each batch is claimed, before its events are sent: lets a test make two relays overlap. */
    void afterClaim(Runnable hook) {
        this.afterClaim = hook;
    }

    // operator actions, see OutboxEndpoint

    /** One aggregate whose publication waits for an operator. */
    public record Parked(
            String collection,
            String aggregateId,
            String eventId,
            String eventType,
            String topic,
            String kind,
            String reason,
            Instant parkedAt) {}

    /** The parked aggregates, oldest first. */
    public List<Parked> parked() {
        return parking.parked();
    }

    /**
     * Lets the relay try a parked aggregate again, from its parked event on.
     *
     * @return false when the aggregate was not parked
     */
    public boolean retry(String collection, String aggregateId) {
        Object id = parking.unpark(collection, aggregateId);
        if (id == null) {
            return false;
        }
        publishSoon(collection, id);
        return true;
    }

    /**
     * Drops a parked aggregate's parked event for good and lets the relay publish the events after it.
     *
     * @return false when the aggregate was not parked
     */
    public boolean discard(String collection, String aggregateId) {
        Object id = parking.discard(collection, aggregateId);
        if (id == null) {
            return false;
        }
        publishSoon(collection, id);
        return true;
    }

    @Override
    public void start() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            collections.declareIndexes();
        } catch (IllegalStateException conflict) {
            running.set(false);
            throw conflict;
        }
        immediate = Executors.newSingleThreadScheduledExecutor(RelayThreads.named("outbox-relay"));
        driver = properties.driver() == OutboxProperties.Driver.CHANGE_STREAM
                ? new ChangeStreamDriver(mongo, collections, this::publishSoon, this::sweep, properties)
                : new PollingDriver(this::sweep, properties.sweepInterval());
        driver.start();
        log.info(
                "Outbox relay {} started: {} driver, sweep every {} ms, lease {} s",
                owner,
                properties.driver().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                properties.sweepInterval().toMillis(),
                properties.lease().toSeconds());
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        driver.stop();
        immediate.shutdown();
        try {
            immediate.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
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

    /** The driver in use once started: a test checks which one drives. */
    RelayDriver driver() {
        return driver;
    }

    /** Aggregates with events waiting in their outbox, per aggregate collection. */
    public Map<String, Long> pendingByCollection() {
        return collections.pendingByCollection();
    }

    /** Aggregates with events waiting in their outbox, across the aggregate collections. */
    public double pendingAggregates() {
        try {
            return pendingByCollection().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double parkedAggregates() {
        try {
            return parking.count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
