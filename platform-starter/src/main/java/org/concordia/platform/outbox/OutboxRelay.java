package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, in order per aggregate, and removes each only after
 * Kafka acknowledged it. The relay coordinates: it takes requests to publish, drives the sweep, and offers the
 * operator's actions and the gauges; a {@link BatchPipeline} publishes each batch.
 *
 * <p>An instance publishes an aggregate only while it holds its claim ({@link ClaimLedger}); a crashed instance's
 * claims run out and another takes them over. A write asks for its aggregate to be published right away
 * ({@link #publishSoon}, bounded and fair across collections); those requests are published here a batch at a time,
 * batches overlapping by one (the next is claimed, read and sent while Kafka acknowledges the one before it), and an
 * aggregate asked for again while its batch is in flight is asked for once more when that batch is done, so its new
 * events are read under a claim of their own and follow the earlier ones. A {@link RelayDriver} finds the rest: a
 * periodic sweep of the aggregate collections ({@link OutboxSweep}) or a change stream with a slower sweep behind it.
 * While Kafka is unavailable an aggregate's claim is kept with a deadline that grows exponentially. An event that can
 * never be published (a malformed entry, a record Kafka refuses for good) parks its aggregate ({@link Parking}) until
 * an operator retries or discards it through {@link OutboxEndpoint}.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String CLAIMS = ClaimLedger.CLAIMS;
    static final String COLLECTIONS = AggregateCollections.COLLECTIONS;
    static final String INDEX = "outbox_pending";
    static final String PENDING_FIELD = OUTBOX + ".0.id";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final OutboxProperties properties;
    private final String owner = UUID.randomUUID().toString();
    private final AggregateCollections collections;
    private final Parking parking;
    private final RelayMeters meters;
    private final BatchPipeline pipeline;
    private final OutboxSweep sweep;
    private final PublishQueue queue;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
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
        this.queue = new PublishQueue(properties.queueCapacity());
        this.collections = new AggregateCollections(mongo, clock, properties.collections());
        ClaimLedger ledger = new ClaimLedger(mongo, properties.lease(), clock, owner);
        this.parking = new Parking(mongo, clock);
        this.meters = new RelayMeters(meters, this, OutboxRelay::parkedAggregates);
        this.pipeline = new BatchPipeline(
                mongo,
                properties,
                clock,
                ledger,
                parking,
                new LeaseRenewal(ledger, properties.lease()),
                new OutboxSender(kafka),
                this.meters);
        this.sweep = new OutboxSweep(mongo, collections, pending, pipeline, properties.batchSize());
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
        BatchPipeline.Flight inFlight = null;
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
                BatchPipeline.Flight next = null;
                try {
                    next = ids.isEmpty() ? null : pipeline.begin(batch.collection(), ids);
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

    private void completeQuietly(BatchPipeline.@Nullable Flight flight) {
        if (flight == null) {
            return;
        }
        try {
            pipeline.complete(flight);
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
        return sweep.sweep();
    }

    /** The collections written through an {@link AggregateStore} by any instance, and those declared. */
    Set<String> aggregateCollections() {
        return collections.all();
    }

    static String claimKey(String collection, Object id) {
        return ClaimLedger.key(collection, id);
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        return OutboxSender.toRecord(entry);
    }

    /** Runs right after each batch is claimed, before its events are sent: lets a test make two relays overlap. */
    void afterClaim(Runnable hook) {
        pipeline.afterClaim(hook);
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
