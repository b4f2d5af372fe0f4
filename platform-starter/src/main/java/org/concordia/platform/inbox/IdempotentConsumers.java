package org.concordia.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Builds Spring Cloud Stream consumers that turn CloudEvents records into typed events and call each handler at most
 * once per event id, whatever Kafka redelivers or an operator replays.
 *
 * <p>An event counts as processed once its handler returned; the mark is a document whose {@code _id} is the
 * consumer's name and the {@code ce_id}, so a unique index does the deduplication. A handler that fails is retried
 * by the binder with backoff and then dead-lettered; because the mark is written after the handler, a crash between
 * the two repeats the handler, so handlers write their effects under ids derived from the event.
 */
public class IdempotentConsumers {

    public static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumers.class);

    private final MongoTemplate mongo;
    private final EventJson json;
    private final Clock clock;
    private final MeterRegistry meters;

    public IdempotentConsumers(MongoTemplate mongo, EventJson json, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param name the consumer's name, e.g. the function bean's name; deduplication is per name, so two consumers of
     *     one service each see every event once
     */
    public Consumer<Message<byte[]>> consumer(String name, EventHandlers handlers) {
        return message -> accept(name, handlers, message);
    }

    private void accept(String name, EventHandlers handlers, Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException(
                    "The record has no ce_id or ce_type header, so it is not a CloudEvent; its headers: "
                            + headers.keySet(),
                    null);
        }
        Optional<EventType> eventType = EventCatalogue.byType(type);
        if (eventType.isEmpty()) {
            log.debug("{} skips event {} of unknown type {}", name, id, type);
            meters.counter("concordia.inbox.skipped", "consumer", name).increment();
            return;
        }
        BiConsumer<DomainEvent, EventMetadata> handler =
                handlers.handlerFor(eventType.get().javaType());
        if (handler == null) {
            return;
        }
        String markId = name + ":" + id;
        if (alreadyProcessed(markId)) {
            log.debug("{} has processed event {} already", name, id);
            meters.counter("concordia.inbox.duplicates", "consumer", name).increment();
            return;
        }
        DomainEvent event;
        try {
            event = json.read(message.getPayload(), eventType.get().javaType());
        } catch (RuntimeException e) {
            meters.counter("concordia.inbox.malformed", "consumer", name).increment();
            throw new MalformedEventException(
                    "Event " + id + " of type " + type + " cannot be read: " + e.getMessage(), e);
        }
        EventMetadata metadata = new EventMetadata(
                id,
                type,
                header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT),
                time(header(headers, CloudEventHeaders.TIME)));
        handler.accept(event, metadata);
        try {
            mongo.getCollection(COLLECTION)
                    .insertOne(new Document("_id", markId)
                            .append("consumer", name)
                            .append("eventId", id)
                            .append("type", type)
                            .append("processedAt", Date.from(clock.instant())));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        } catch (DuplicateKeyException ignored) {
            // processed concurrently by another instance after a rebalance; the handler is idempotent
        }
        meters.counter("concordia.inbox.processed", "consumer", name, "type", type)
                .increment();
    }

    /** A lookup by {@code _id} alone, which every store answers from its primary index. */
    private boolean alreadyProcessed(String markId) {
        return mongo.getCollection(COLLECTION)
                        .find(new Document("_id", markId))
                        .projection(new Document("_id", 1))
                        .first()
                != null;
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A CloudEvents attribute header. Spring Cloud Function rewrites {@code ce_} Kafka headers to the {@code ce-}
     * form of other bindings on some paths, so both are read.
     */
    static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
