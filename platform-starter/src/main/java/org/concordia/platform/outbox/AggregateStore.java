package org.concordia.platform.outbox;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.envelope.EventJson;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Writes aggregates together with the events their change caused, in one single-document write: the events wait in
 * the document's {@value #OUTBOX} array until {@link OutboxRelay} has published them. A failed write publishes
 * nothing; a written event is published even if the process dies right after.
 *
 * <p>Aggregates are Spring Data documents with an {@code @Id} and a {@code @Version}. Writes go through this class
 * only: an update sets the mapped fields and pushes the events without replacing the document, so that it never
 * undoes the relay's bookkeeping, and the relay never touches the version.
 *
 * <p>An aggregate holds at most {@code concordia.outbox.max-pending-per-aggregate} unpublished events: a write that
 * would go beyond is refused with {@link OutboxFullException}, checked within the same single-document write. The
 * first write of a type registers its collection with the relay, which sweeps aggregate collections only.
 */
public class AggregateStore {

    static final String OUTBOX = "_outbox";

    private final MongoTemplate mongo;
    private final EventJson json;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Supplier<Map<String, String>> traceContext;
    private final int maxPending;
    private final Duration retryAfter;

    /**
     * @param traceContext the current trace context as the headers it travels in ({@code traceparent},
     *     {@code tracestate}, {@code baggage}), empty outside a trace
     */
    public AggregateStore(
            MongoTemplate mongo,
            EventJson json,
            OutboxRelay relay,
            Clock clock,
            Supplier<Map<String, String>> traceContext,
            OutboxProperties properties) {
        this.mongo = mongo;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
        this.traceContext = traceContext;
        this.maxPending = properties.maxPendingPerAggregate();
        long seconds = Math.max(1, properties.sweepInterval().toSeconds() * 2);
        this.retryAfter = Duration.ofSeconds(seconds);
    }

    /**
     * Stores a new aggregate at version 0 with its events.
     *
     * @throws org.springframework.dao.DuplicateKeyException when its id, or another unique key, is taken
     * @throws OutboxFullException when it comes with more events than an aggregate may hold unpublished
     */
    public <T> T insert(T aggregate, List<? extends DomainEvent> events) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = versionPropertyOf(entity);
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        accessor.setProperty(versionProperty, versionValue(versionProperty, 0));
        Document document = new Document();
        mongo.getConverter().write(accessor.getBean(), document);
        String collection = entity.getCollection();
        if (events.size() > maxPending) {
            throw new OutboxFullException(collection, document.get("_id"), maxPending, retryAfter);
        }
        document.put(OUTBOX, entries(events));
        execute(() -> relay.register(collection));
        execute(() -> mongo.getCollection(collection).insertOne(document));
        relay.publishSoon(collection, document.get("_id"));
        return accessor.getBean();
    }

    /**
     * Stores the aggregate's new state and its events if nobody changed it since it was read (its version is still
     * the one it carries), and advances the version.
     *
     * @throws OptimisticLockingFailureException when the stored version differs or the aggregate is gone
     * @throws OutboxFullException when the aggregate would hold more unpublished events than it may: Kafka has
     *     been unavailable for long, or its events cannot be published
     */
    public <T> T update(T aggregate, List<? extends DomainEvent> events) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = versionPropertyOf(entity);
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        Number expected = (Number) accessor.getProperty(versionProperty);
        if (expected == null) {
            throw new IllegalArgumentException("An aggregate to update must carry the version it was read at");
        }
        long next = expected.longValue() + 1;

        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Object id = state.remove("_id");
        String versionField = versionProperty.getFieldName();
        state.put(versionField, versionValue(versionProperty, next));
        Document unset = new Document();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (property.isWritable() && !property.isIdProperty() && !state.containsKey(field)) {
                unset.put(field, "");
            }
        });
        Document update = new Document("$set", state);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!events.isEmpty()) {
            update.put("$push", new Document(OUTBOX, new Document("$each", entries(events))));
        }
        String collection = entity.getCollection();
        if (events.size() > maxPending) {
            throw new OutboxFullException(collection, id, maxPending, retryAfter);
        }
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq(versionField, expected));
        if (!events.isEmpty()) {
            // room for the new events: the entry that would be the (maxPending + 1)th must not exist yet
            filter = Filters.and(filter, Filters.exists(OUTBOX + "." + (maxPending - events.size()), false));
            execute(() -> relay.register(collection));
        }
        Bson guarded = filter;
        UpdateResult result = execute(() -> mongo.getCollection(collection).updateOne(guarded, update));
        if (result.getMatchedCount() == 0) {
            Document current = mongo.getCollection(collection)
                    .find(Filters.eq("_id", id))
                    .projection(new Document(versionField, 1).append(OUTBOX + ".id", 1))
                    .first();
            if (current != null
                    && current.get(versionField) instanceof Number stored
                    && stored.longValue() == expected.longValue()) {
                throw new OutboxFullException(collection, id, maxPending, retryAfter);
            }
            throw new OptimisticLockingFailureException(
                    entity.getType().getSimpleName() + " " + id + " is no longer at version " + expected);
        }
        accessor.setProperty(versionProperty, versionValue(versionProperty, next));
        if (!events.isEmpty()) {
            relay.publishSoon(collection, id);
        }
        return accessor.getBean();
    }

    private List<Document> entries(List<? extends DomainEvent> events) {
        List<Document> entries = new ArrayList<>(events.size());
        Map<String, String> trace = traceContext.get();
        for (DomainEvent event : events) {
            EventType type = EventCatalogue.of(event.getClass());
            entries.add(new OutboxEntry(
                            UUID.randomUUID().toString(),
                            type.type(),
                            type.topic(),
                            type.source(),
                            event.aggregateId(),
                            event.occurredAt() != null ? event.occurredAt() : clock.instant(),
                            json.write(event),
                            trace)
                    .toDocument());
        }
        return entries;
    }

    private MongoPersistentEntity<?> entityOf(Object aggregate) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
    }

    private static MongoPersistentProperty versionPropertyOf(MongoPersistentEntity<?> entity) {
        MongoPersistentProperty version = entity.getVersionProperty();
        if (version == null) {
            throw new IllegalArgumentException(
                    entity.getType().getName() + " needs a @Version property to be an aggregate");
        }
        return version;
    }

    private static Object versionValue(MongoPersistentProperty property, long value) {
        Class<?> type = property.getType();
        return type == Integer.class || type == int.class ? (Object) (int) value : (Object) value;
    }

    private <R> R execute(Supplier<R> write) {
        try {
            return write.get();
        } catch (MongoException e) {
            DataAccessException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }

    private void execute(Runnable write) {
        execute(() -> {
            write.run();
            return null;
        });
    }
}
