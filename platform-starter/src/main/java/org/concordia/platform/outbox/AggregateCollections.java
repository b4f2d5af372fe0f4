package org.concordia.platform.outbox;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The collections whose documents carry outboxes: those {@link AggregateStore} wrote a type into (recorded in
 * {@value #COLLECTIONS}, so that every instance knows them) and those declared in {@code concordia.outbox.collections}.
 * Each has the one index that finds pending work, declared here and nowhere else.
 */
final class AggregateCollections {

    static final String COLLECTIONS = "outbox_collections";
    /** Earlier keys of {@value OutboxRelay#INDEX}, replaced when found. */
    private static final Set<String> LEGACY_INDEX_FIELDS =
            Set.of(AggregateStore.OUTBOX + ".0", AggregateStore.OUTBOX + ".0.time");

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final List<String> declared;

    AggregateCollections(MongoTemplate mongo, Clock clock, List<String> declared) {
        this.mongo = mongo;
        this.clock = clock;
        this.declared = declared;
        this.known.addAll(declared);
    }

    /**
     * Makes the collection one the relay sweeps, for every instance, and gives it the index that finds pending work.
     *
     * @throws IllegalStateException when the collection has a different index under the relay's index name
     */
    void register(String collection) {
        if (known.contains(collection)) {
            return;
        }
        synchronized (known) {
            if (known.contains(collection)) {
                return;
            }
            declareIndex(collection);
            mongo.getCollection(COLLECTIONS)
                    .updateOne(
                            new Document("_id", collection),
                            new Document("$setOnInsert", new Document("since", Date.from(clock.instant()))),
                            new UpdateOptions().upsert(true));
            known.add(collection);
        }
    }

    /** The collections written through an {@link AggregateStore} by any instance, and those declared. */
    Set<String> all() {
        try {
            for (Document registered : mongo.getCollection(COLLECTIONS).find()) {
                known.add(registered.getString("_id"));
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the registered aggregate collections: {}", e.toString());
        }
        return Set.copyOf(known);
    }

    /** Whether the relay knows the collection as an aggregate collection, without asking the store. */
    boolean isKnown(String collection) {
        return known.contains(collection);
    }

    /**
     * Checks the outbox index of every known aggregate collection.
     *
     * @throws IllegalStateException when one has a conflicting index
     */
    void declareIndexes() {
        Set<String> collections;
        try {
            collections = new LinkedHashSet<>(declared);
            for (Document registered : mongo.getCollection(COLLECTIONS).find()) {
                collections.add(registered.getString("_id"));
            }
        } catch (MongoException e) {
            log.warn("Cannot read the aggregate collections to check their outbox index: {}", e.toString());
            return;
        }
        for (String collection : collections) {
            try {
                declareIndex(collection);
            } catch (MongoException e) {
                log.warn("Cannot check the outbox index of {}: {}", collection, e.toString());
            }
            known.add(collection);
        }
    }

    /**
     * Declares the sparse {@value OutboxRelay#INDEX} index on the first outbox entry's id. An index of that name
     * built by an earlier version of the platform is replaced; any other index under that name stops the relay.
     */
    private void declareIndex(String collectionName) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        for (Document index : collection.listIndexes()) {
            if (!OutboxRelay.INDEX.equals(index.getString("name"))) {
                continue;
            }
            Document key = index.get("key", Document.class);
            Set<String> fields = key == null ? Set.of() : key.keySet();
            if (fields.equals(Set.of(OutboxRelay.PENDING_FIELD)) && Parking.isTrue(index.get("sparse"))) {
                return;
            }
            if (fields.size() == 1 && LEGACY_INDEX_FIELDS.containsAll(fields)) {
                log.info(
                        "Replacing the outbox index of {} on {} by one on {}",
                        collectionName,
                        key,
                        OutboxRelay.PENDING_FIELD);
                collection.dropIndex(OutboxRelay.INDEX);
                break;
            }
            throw new IllegalStateException("Collection " + collectionName + " has an index named " + OutboxRelay.INDEX
                    + " on " + index.get("key") + (Parking.isTrue(index.get("sparse")) ? " (sparse)" : "")
                    + "; the outbox relay needs that name for a sparse index on {" + OutboxRelay.PENDING_FIELD
                    + ": 1}. Drop or rename the other index.");
        }
        try {
            collection.createIndex(
                    new Document(OutboxRelay.PENDING_FIELD, 1),
                    new IndexOptions().sparse(true).name(OutboxRelay.INDEX));
        } catch (MongoException e) {
            throw new IllegalStateException(
                    "Cannot declare the outbox index " + OutboxRelay.INDEX + " on " + collectionName + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Aggregates with events waiting in their outbox, per aggregate collection. */
    Map<String, Long> pendingByCollection() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : known) {
            counts.put(
                    collection,
                    mongo.getCollection(collection)
                            .countDocuments(new Document(OutboxRelay.PENDING_FIELD, new Document("$exists", true))));
        }
        return counts;
    }
}
