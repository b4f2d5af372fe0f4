package org.concordia.platform.outbox;

import static org.concordia.platform.outbox.AggregateStore.OUTBOX;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes one batch of one collection's aggregates, in two halves so that batches can overlap: {@link #begin}
 * claims the aggregates, reads their outboxes and starts sending their events; {@link #complete} waits for Kafka's
 * acknowledgements, removes what Kafka acknowledged and releases the claims.
 *
 * <p>Guarantees: an aggregate's events are sent only while this instance holds its claim ({@link ClaimLedger}),
 * renewed while the batch is in flight ({@link LeaseRenewal}); each aggregate's events go one after another
 * ({@link OutboxSender}), and only the acknowledged prefix of its outbox is removed, so nothing is lost and the order
 * holds. Every store round trip serves the whole batch and finds documents by {@code _id}: one {@code insertMany} of
 * claims, one read by {@code _id $in}, one bulk write of {@code $pull}s (one per aggregate, by {@code _id}), one
 * {@code deleteMany} releasing the claims. An aggregate Kafka failed for keeps its claim with a deadline that doubles
 * with every failure; one whose entry is malformed, or whose record Kafka refuses for good, is parked
 * ({@link Parking}). {@code concordia.outbox.step} times each step.
 */
final class BatchPipeline {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ClaimLedger ledger;
    private final Parking parking;
    private final LeaseRenewal leases;
    private final OutboxSender sender;
    private final RelayMeters meters;
    private volatile Runnable afterClaim = () -> {};

    BatchPipeline(
            MongoTemplate mongo,
            OutboxProperties properties,
            Clock clock,
            ClaimLedger ledger,
            Parking parking,
            LeaseRenewal leases,
            OutboxSender sender,
            RelayMeters meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.ledger = ledger;
        this.parking = parking;
        this.leases = leases;
        this.sender = sender;
        this.meters = meters;
    }

    /**
     * One batch on its way: the aggregates it claimed (with the failed attempts recorded for each), those whose claim
     * it gives up when done, and their events being sent.
     */
    record Flight(
            String collection,
            String token,
            Map<Object, Integer> claimed,
            Set<Object> release,
            List<OutboxSender.Sending> sending) {}

    /** What a completed batch did: the events it published, and whether Kafka failed for any of its aggregates. */
    record Outcome(int published, boolean retrying) {}

    /**
     * Claims what it can of the given aggregates, reads their outboxes and sends their events, all aggregates at
     * once and each aggregate's events in order.
     *
     * @return the batch on its way, or null when nothing could be claimed
     */
    @Nullable
    Flight begin(String collectionName, List<Object> ids) {
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

    /**
     * Waits for Kafka's acknowledgements of the batch, removes what Kafka acknowledged and releases the claims.
     * Aggregates taken out of {@code release} keep their claim: backed off or parked.
     */
    Outcome complete(Flight flight) {
        try {
            return acknowledge(flight);
        } finally {
            leases.release(flight.token());
            long started = System.nanoTime();
            ledger.release(flight.collection(), flight.release(), flight.token());
            meters.step("release", started);
        }
    }

    /** Runs right after each batch is claimed, before its events are sent: lets a test make two relays overlap. */
    void afterClaim(Runnable hook) {
        this.afterClaim = hook;
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
}
