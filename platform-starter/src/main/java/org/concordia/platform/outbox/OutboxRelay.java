package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
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
 * {@code _id}. A claim carries a lease, renewed every third of it while its batch is sending; a crashed instance's
 * claims run out and another takes them over. Every store round trip serves a whole batch of aggregates and goes by
 * {@code _id}: one {@code insertMany} of claims, one read by {@code _id $in}, one {@code $pull} of what Kafka
 * acknowledged, one {@code deleteMany} releasing the claims. The events of all aggregates of a batch are sent at
 * once; an aggregate's events go in array order to one key of one idempotent producer, which keeps their order
 * without waiting for each acknowledgement, and only the acknowledged prefix is removed.
 *
 * <p>A write asks for its aggregate to be published right away ({@link #publishSoon}, bounded and fair across
 * collections); a periodic sweep of the aggregate collections ({@link PendingAggregates}) catches what a crash or an
 * outage left behind. While Kafka is unavailable an aggregate's claim is kept with a deadline that grows
 * exponentially. An event that can never be published (a malformed entry, a record Kafka refuses for good) parks its
 * aggregate: the claim is marked parked with the reason, nothing retries it, and an operator retries or discards it
 * through {@link OutboxEndpoint}.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String CLAIMS = "outbox_claims";
    static final String COLLECTIONS = "outbox_collections";
    static final String INDEX = "outbox_pending";
    static final String PENDING_FIELD = OUTBOX + ".0.id";
    /** Earlier keys of {@value #INDEX}, replaced when found. */
    private static final Set<String> LEGACY_INDEX_FIELDS = Set.of(OUTBOX + ".0", OUTBOX + ".0.time");

    private static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final PendingAggregates pending;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final PublishQueue queue;
    private final Map<String, List<String>> held = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private final Counter dropped;
    private final Counter malformed;
    private final Counter rejected;
    private final Timer latency;
    private final DistributionSummary batches;
    private final ScheduledExecutorService renewer;
    private volatile Runnable afterClaim = () -> {};
    private ScheduledExecutorService immediate;
    private ScheduledExecutorService sweeper;

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
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.pending = pending;
        this.queue = new PublishQueue(properties.queueCapacity());
        this.collections.addAll(properties.collections());
        this.published = Counter.builder("concordia.outbox.published")
                .description("Events published from outboxes to Kafka")
                .register(meters);
        this.failures = Counter.builder("concordia.outbox.failures")
                .description("Failed attempts to publish an aggregate's outbox that are retried")
                .register(meters);
        this.dropped = Counter.builder("concordia.outbox.requests.dropped")
                .description("Requests to publish at once left to the sweep because the queue was full")
                .register(meters);
        this.malformed = Counter.builder("concordia.outbox.parked")
                .tag("reason", "malformed")
                .description("Aggregates parked because an outbox entry cannot be read")
                .register(meters);
        this.rejected = Counter.builder("concordia.outbox.parked")
                .tag("reason", "rejected")
                .description("Aggregates parked because Kafka refused an event for good")
                .register(meters);
        this.latency = Timer.builder("concordia.outbox.latency")
                .description("Time from an event's write to Kafka's acknowledgement")
                .register(meters);
        this.batches = DistributionSummary.builder("concordia.outbox.batch.aggregates")
                .description(
                        "Aggregates claimed together in one batch: each batch costs the same few store round trips")
                .register(meters);
        Gauge.builder("concordia.outbox.pending.aggregates", this, OutboxRelay::pendingAggregates)
                .description("Aggregates with events not yet published to Kafka")
                .register(meters);
        Gauge.builder("concordia.outbox.parked.aggregates", this, OutboxRelay::parkedAggregates)
                .description("Aggregates whose publication waits for an operator")
                .register(meters);
        this.renewer = Executors.newSingleThreadScheduledExecutor(named("outbox-lease"));
        long renewal = Math.max(1, properties.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes the collection one the relay sweeps, for every instance, and gives it the index that finds pending work.
     * {@link AggregateStore} calls it before its first write of a type.
     *
     * @throws IllegalStateException when the collection has a different index under the relay's index name
     */
    void register(String collection) {
        if (collections.contains(collection)) {
            return;
        }
        synchronized (collections) {
            if (collections.contains(collection)) {
                return;
            }
            declareIndex(collection);
            mongo.getCollection(COLLECTIONS)
                    .updateOne(
                            new Document("_id", collection),
                            new Document("$setOnInsert", new Document("since", Date.from(clock.instant()))),
                            new UpdateOptions().upsert(true));
            collections.add(collection);
        }
    }

    /**
     * Declares the sparse {@value #INDEX} index on the first outbox entry's id. An index of that name built by an
     * earlier version of the platform is replaced; any other index under that name stops the relay.
     */
    private void declareIndex(String collectionName) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        for (Document index : collection.listIndexes()) {
            if (!INDEX.equals(index.getString("name"))) {
                continue;
            }
            Document key = index.get("key", Document.class);
            Set<String> fields = key == null ? Set.of() : key.keySet();
            if (fields.equals(Set.of(PENDING_FIELD)) && isTrue(index.get("sparse"))) {
                return;
            }
            if (fields.size() == 1 && LEGACY_INDEX_FIELDS.containsAll(fields)) {
                log.info("Replacing the outbox index of {} on {} by one on {}", collectionName, key, PENDING_FIELD);
                collection.dropIndex(INDEX);
                break;
            }
            throw new IllegalStateException("Collection " + collectionName + " has an index named " + INDEX + " on "
                    + index.get("key") + (isTrue(index.get("sparse")) ? " (sparse)" : "")
                    + "; the outbox relay needs that name for a sparse index on {" + PENDING_FIELD
                    + ": 1}. Drop or rename the other index.");
        }
        try {
            collection.createIndex(
                    new Document(PENDING_FIELD, 1),
                    new IndexOptions().sparse(true).name(INDEX));
        } catch (MongoException e) {
            throw new IllegalStateException(
                    "Cannot declare the outbox index " + INDEX + " on " + collectionName + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTrue(Object flag) {
        return Boolean.TRUE.equals(flag) || (flag instanceof Number number && number.intValue() != 0);
    }

    /**
     * Asks for the aggregate's pending events to be published soon, on a relay thread; the sweep is the safety net.
     * A change-stream driver would call this for every change to an aggregate collection.
     */
    public void publishSoon(String collection, Object id) {
        if (!running.get()) {
            return;
        }
        if (!queue.offer(collection, id)) {
            dropped.increment();
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                // the first request waits a moment for others to join its batch; those arriving while a batch is
                // being published join the next one without waiting
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
     */
    private void drainRequested() {
        try {
            PublishQueue.Batch batch;
            boolean lingered = true;
            while (running.get()
                    && (lingered || queue.size() >= properties.batchSize())
                    && (batch = queue.poll(properties.batchSize())) != null) {
                lingered = false;
                try {
                    publishBatch(batch.collection(), batch.ids());
                } catch (RuntimeException e) {
                    log.warn("Publishing from {} failed; the sweep retries: {}", batch.collection(), e.toString());
                }
            }
        } finally {
            draining.set(false);
        }
        if (running.get() && !queue.isEmpty()) {
            scheduleDrain();
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

    private int sweep(String collectionName) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        int count = 0;
        Object after = null;
        while (true) {
            List<Object> ids = pending.page(collection, after, properties.batchSize());
            if (ids.isEmpty()) {
                return count;
            }
            after = ids.get(ids.size() - 1);
            Outcome outcome = publishBatch(collectionName, ids);
            count += outcome.published();
            if (outcome.retrying()) {
                // Kafka is failing: the backed-off aggregates come back at their deadline, the rest next sweep
                return count;
            }
        }
    }

    /** The collections written through an {@link AggregateStore} by any instance, and those declared. */
    Set<String> aggregateCollections() {
        try {
            for (Document registered : mongo.getCollection(COLLECTIONS).find()) {
                collections.add(registered.getString("_id"));
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the registered aggregate collections: {}", e.toString());
        }
        return Set.copyOf(collections);
    }

    /** Claims what it can of the given aggregates, publishes their events, and releases them. */
    private Outcome publishBatch(String collectionName, List<Object> ids) {
        String token = UUID.randomUUID().toString();
        Map<Object, Integer> claimed = claim(collectionName, ids, token);
        if (claimed.isEmpty()) {
            return new Outcome(0, false);
        }
        batches.record(claimed.size());
        held.put(
                token,
                claimed.keySet().stream()
                        .map(id -> claimKey(collectionName, id))
                        .toList());
        Set<Object> release = new HashSet<>(claimed.keySet());
        try {
            afterClaim.run();
            return publishClaimed(collectionName, claimed, token, release);
        } finally {
            held.remove(token);
            if (!release.isEmpty()) {
                mongo.getCollection(CLAIMS)
                        .deleteMany(new Document(
                                        "_id",
                                        new Document(
                                                "$in",
                                                release.stream()
                                                        .map(id -> claimKey(collectionName, id))
                                                        .toList()))
                                .append("token", token));
            }
        }
    }

    /**
     * Sends the claimed aggregates' events and removes what Kafka acknowledged. Aggregates taken out of
     * {@code release} keep their claim: backed off or parked.
     */
    private Outcome publishClaimed(
            String collectionName, Map<Object, Integer> claimed, String token, Set<Object> release) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        List<Sending> sending = new ArrayList<>(claimed.size());
        for (Document document : collection
                .find(new Document("_id", new Document("$in", new ArrayList<>(claimed.keySet()))))
                .projection(new Document(OUTBOX, 1))) {
            Object id = document.get("_id");
            List<OutboxEntry> entries;
            try {
                entries = entries(document);
            } catch (MalformedOutboxEntryException e) {
                release.remove(id);
                malformed.increment();
                park(collectionName, id, token, firstUnreadable(document), "malformed", e.getMessage());
                continue;
            }
            sending.add(send(id, entries, claimed.getOrDefault(id, 0)));
        }

        List<String> acknowledged = new ArrayList<>();
        List<Object> withAcknowledged = new ArrayList<>();
        boolean retrying = false;
        for (Sending aggregate : sending) {
            List<String> done = aggregate.acknowledgedPrefix(latency, clock);
            if (!done.isEmpty()) {
                acknowledged.addAll(done);
                withAcknowledged.add(aggregate.id());
            }
            Throwable failure = aggregate.failure();
            if (failure == null) {
                continue;
            }
            release.remove(aggregate.id());
            OutboxEntry failed = aggregate.entries().get(done.size());
            if (isPermanent(failure)) {
                rejected.increment();
                park(collectionName, aggregate.id(), token, failed.toDocument(), "rejected", describe(failure));
            } else {
                retrying = true;
                backOff(collectionName, aggregate, done.size(), token, failure);
            }
        }
        if (!acknowledged.isEmpty()) {
            collection.updateMany(
                    new Document("_id", new Document("$in", withAcknowledged)),
                    new Document("$pull", new Document(OUTBOX, new Document("id", new Document("$in", acknowledged)))));
            published.increment(acknowledged.size());
        }
        return new Outcome(acknowledged.size(), retrying);
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

    /**
     * Sends one aggregate's events in order without waiting for each acknowledgement: one key, one idempotent
     * producer, so Kafka keeps their order. A send refused at once (a record over the producer's size limit) stops
     * the rest, which must not overtake it.
     */
    private Sending send(Object id, List<OutboxEntry> entries, int attempts) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            CompletableFuture<SendResult<String, byte[]>> send;
            try {
                send = kafka.send(toRecord(entry));
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        return new Sending(id, entries, sends, attempts);
    }

    /** One aggregate's events on their way to Kafka. */
    private record Sending(
            Object id,
            List<OutboxEntry> entries,
            List<CompletableFuture<SendResult<String, byte[]>>> sends,
            int attempts) {

        /**
         * Waits for the sends, in order, and answers the events acknowledged before the first failure. No timeout of
         * our own: the producer completes every send within its delivery timeout, and a send abandoned here while
         * still in flight would be published and then published again.
         */
        List<String> acknowledgedPrefix(Timer latency, Clock clock) {
            boolean failed = false;
            List<String> done = new ArrayList<>(sends.size());
            // every send is waited for, so that none is still in flight when the aggregate is tried again
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).join();
                } catch (CompletionException | java.util.concurrent.CancellationException e) {
                    failed = true;
                    continue;
                }
                if (!failed) {
                    OutboxEntry entry = entries.get(i);
                    done.add(entry.id());
                    latency.record(
                            Duration.between(entry.time(), clock.instant()).abs());
                }
            }
            return done;
        }

        Throwable failure() {
            for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
                if (send.isCompletedExceptionally()) {
                    try {
                        send.join();
                    } catch (CompletionException e) {
                        return e.getCause() != null ? e.getCause() : e;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }
            }
            return null;
        }
    }

    /** Kafka refuses such a record every time; retrying it cannot help. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException
                    || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Keeps the claim, so no instance retries before the deadline, which doubles with every failure. */
    private void backOff(String collectionName, Sending aggregate, int published, String token, Throwable failure) {
        failures.increment();
        Duration backoff = backoff(aggregate.attempts());
        mongo.getCollection(CLAIMS)
                .updateOne(
                        new Document("_id", claimKey(collectionName, aggregate.id())).append("token", token),
                        new Document(
                                "$set",
                                new Document("until", Date.from(clock.instant().plus(backoff)))
                                        .append("attempts", aggregate.attempts() + 1)
                                        .append("reason", describe(failure))));
        log.warn(
                "Publishing the outbox of {} {} failed ({} published, attempt {}), retrying in {} ms: {}",
                collectionName,
                aggregate.id(),
                published,
                aggregate.attempts() + 1,
                backoff.toMillis(),
                describe(failure));
    }

    /** Keeps the claim for good, marked with why, until an operator retries or discards the event. */
    private void park(String collectionName, Object id, String token, Document entry, String kind, String reason) {
        Document parked = new Document("parked", true)
                .append("until", NEVER)
                .append("kind", kind)
                .append("reason", reason)
                .append("parkedAt", Date.from(clock.instant()));
        if (entry.get("id") instanceof String eventId) {
            parked.append("eventId", eventId);
        }
        if (entry.get("type") instanceof String type) {
            parked.append("eventType", type);
        }
        if (entry.get("topic") instanceof String topic) {
            parked.append("topic", topic);
        }
        mongo.getCollection(CLAIMS)
                .updateOne(
                        new Document("_id", claimKey(collectionName, id)).append("token", token),
                        new Document("$set", parked));
        log.warn(
                "Parked the outbox of {} {}: its next event {} cannot be published ({}): {}. It waits for an operator"
                        + " to retry or discard it (POST or DELETE /actuator/outbox/{}/{})",
                collectionName,
                id,
                parked.get("eventId"),
                kind,
                reason,
                collectionName,
                id);
    }

    /**
     * Claims the aggregates nobody holds, and those whose holder's lease ran out; parked ones stay with the
     * operator.
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
        Map<Object, Integer> claimed = new LinkedHashMap<>();
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
        Map<String, Object> idsByKey = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(i)) {
                idsByKey.put(claimKey(collectionName, ids.get(i)), ids.get(i));
            } else {
                claimed.put(ids.get(i), 0);
            }
        }
        if (idsByKey.isEmpty()) {
            return claimed;
        }
        Date now = Date.from(clock.instant());
        List<String> expiredKeys = new ArrayList<>();
        collection
                .find(new Document("_id", new Document("$in", new ArrayList<>(idsByKey.keySet()))))
                .forEach(existing -> {
                    if (!isTrue(existing.get("parked"))
                            && existing.getDate("until").before(now)) {
                        expiredKeys.add(existing.getString("_id"));
                    }
                });
        for (String key : expiredKeys) {
            Document takenOver = collection.findOneAndUpdate(
                    new Document("_id", key)
                            .append("until", new Document("$lt", now))
                            .append("parked", new Document("$ne", true)),
                    new Document(
                            "$set",
                            new Document("owner", owner).append("token", token).append("until", until)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (takenOver != null) {
                Integer attempts = takenOver.getInteger("attempts");
                claimed.put(idsByKey.get(key), attempts == null ? 0 : attempts);
            }
        }
        return claimed;
    }

    /** Extends the lease of every claim this instance is sending for, so that no other instance takes it over. */
    private void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        Date until = Date.from(clock.instant().plus(properties.lease()));
        for (Map.Entry<String, List<String>> batch : Map.copyOf(held).entrySet()) {
            try {
                long renewed = mongo.getCollection(CLAIMS)
                        .updateMany(
                                new Document("_id", new Document("$in", batch.getValue()))
                                        .append("token", batch.getKey()),
                                new Document("$set", new Document("until", until)))
                        .getMatchedCount();
                if (renewed < batch.getValue().size()) {
                    log.warn(
                            "Renewed {} of {} outbox claims; the others were taken over after their lease ran out",
                            renewed,
                            batch.getValue().size());
                }
            } catch (RuntimeException e) {
                log.warn("Cannot renew outbox claims: {}", e.toString());
            }
        }
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
        entry.trace().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
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
        List<Parked> parked = new ArrayList<>();
        for (Document claim : mongo.getCollection(CLAIMS).find(new Document("parked", true))) {
            String key = claim.getString("_id");
            int slash = key.indexOf('/');
            Date since = claim.getDate("parkedAt");
            parked.add(new Parked(
                    key.substring(0, slash),
                    key.substring(slash + 1),
                    claim.getString("eventId"),
                    claim.getString("eventType"),
                    claim.getString("topic"),
                    claim.getString("kind"),
                    claim.getString("reason"),
                    since == null ? null : since.toInstant()));
        }
        parked.sort(java.util.Comparator.comparing(
                Parked::parkedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return parked;
    }

    /**
     * Lets the relay try a parked aggregate again, from its parked event on.
     *
     * @return false when the aggregate was not parked
     */
    public boolean retry(String collection, String aggregateId) {
        Document claim = parkedClaim(collection, aggregateId);
        if (claim == null) {
            return false;
        }
        mongo.getCollection(CLAIMS).deleteOne(new Document("_id", claim.getString("_id")));
        log.info("Operator retries the parked outbox of {} {}", collection, aggregateId);
        publishSoon(collection, claim.get("aggregateId"));
        return true;
    }

    /**
     * Drops a parked aggregate's parked event for good and lets the relay publish the events after it.
     *
     * @return false when the aggregate was not parked
     */
    public boolean discard(String collection, String aggregateId) {
        Document claim = parkedClaim(collection, aggregateId);
        if (claim == null) {
            return false;
        }
        Object id = claim.get("aggregateId");
        Document filter = new Document("_id", id);
        if (claim.getString("eventId") != null) {
            filter.append(PENDING_FIELD, claim.getString("eventId"));
        }
        // the parked claim keeps every relay away from the aggregate, so its first entry is the parked event
        long removed = mongo.getCollection(collection)
                .updateOne(filter, new Document("$pop", new Document(OUTBOX, -1)))
                .getModifiedCount();
        mongo.getCollection(CLAIMS).deleteOne(new Document("_id", claim.getString("_id")));
        log.warn(
                "Operator discarded event {} ({}) of {} {}{}",
                claim.getString("eventId"),
                claim.getString("eventType"),
                collection,
                aggregateId,
                removed == 0 ? "; it was no longer in the outbox" : "");
        publishSoon(collection, id);
        return true;
    }

    /** The aggregate's parked claim, with its id as stored ({@code aggregateId}), or null. */
    private Document parkedClaim(String collection, String aggregateId) {
        Document claim = mongo.getCollection(CLAIMS)
                .find(new Document("_id", claimKey(collection, aggregateId)))
                .first();
        if (claim == null || !isTrue(claim.get("parked"))) {
            return null;
        }
        // ids are stored as the aggregate's own type; the endpoint only knows their text
        Object id = aggregateId;
        Document stored =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        if (stored == null && org.bson.types.ObjectId.isValid(aggregateId)) {
            id = new org.bson.types.ObjectId(aggregateId);
        }
        return claim.append("aggregateId", id);
    }

    @Override
    public void start() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        declareIndexes();
        immediate = Executors.newSingleThreadScheduledExecutor(named("outbox-relay"));
        sweeper = Executors.newSingleThreadScheduledExecutor(named("outbox-sweep"));
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::safeSweep, interval, interval, TimeUnit.MILLISECONDS);
        log.info(
                "Outbox relay {} started: sweep every {} ms, lease {} s",
                owner,
                interval,
                properties.lease().toSeconds());
    }

    /** Checks the outbox index of every known aggregate collection; a conflicting index stops the start. */
    private void declareIndexes() {
        Set<String> known;
        try {
            known = new LinkedHashSet<>(properties.collections());
            for (Document registered : mongo.getCollection(COLLECTIONS).find()) {
                known.add(registered.getString("_id"));
            }
        } catch (MongoException e) {
            log.warn("Cannot read the aggregate collections to check their outbox index: {}", e.toString());
            return;
        }
        for (String collection : known) {
            try {
                declareIndex(collection);
            } catch (IllegalStateException conflict) {
                running.set(false);
                throw conflict;
            } catch (MongoException e) {
                log.warn("Cannot check the outbox index of {}: {}", collection, e.toString());
            }
            collections.add(collection);
        }
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

    /** Aggregates with events waiting in their outbox, per aggregate collection. */
    public Map<String, Long> pendingByCollection() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String collection : collections) {
            counts.put(
                    collection,
                    mongo.getCollection(collection)
                            .countDocuments(new Document(PENDING_FIELD, new Document("$exists", true))));
        }
        return counts;
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
            return mongo.getCollection(CLAIMS).countDocuments(new Document("parked", true));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
