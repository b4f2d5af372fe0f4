package org.concordia.platform.inbox;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.mongo.IdempotentWrites;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One consumer built by {@link IdempotentConsumers}: it takes the records of a Kafka poll as one batch, looks their
 * processed marks up with one {@code _id $in} query, calls the handler of each new event in the order of the batch
 * (so in order per aggregate), and writes the marks of the handled events in one bulk insert after their effects.
 *
 * <p>A failure at one record ends the batch there: the events before it are marked, and the failure is raised as a
 * {@link BatchListenerFailedException} naming the record, so the listener container commits what came before, seeks
 * back to the failed record and applies the back-off that fits the failure (see {@link InfrastructureFailures}). A
 * failure of the store itself while looking up or marking fails the batch from its first record: the handlers that
 * ran are repeated later, which their idempotency makes harmless.
 *
 * <p>It is a {@code Consumer<Message<byte[]>>} for the services that declare it, and takes either one record or a
 * batch: in batch mode with native decoding (the platform's defaults) the binder hands it a message whose payload is
 * the list of the poll's values and whose headers list each record's headers.
 */
public final class IdempotentConsumer implements Consumer<Message<byte[]>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String name;
    private final EventHandlers handlers;
    private final MongoTemplate mongo;
    private final EventJson json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConsumerTracing tracing;
    private final Counter duplicates;
    private final Counter skipped;
    private final Counter malformed;
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();
    private final OffsetRanges ranges;

    IdempotentConsumer(
            String name,
            EventHandlers handlers,
            MongoTemplate mongo,
            EventJson json,
            Clock clock,
            MeterRegistry meters,
            ConsumerTracing tracing) {
        this.name = name;
        this.tracing = tracing;
        this.handlers = handlers;
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.duplicates = meters.counter("concordia.inbox.duplicates", "consumer", name);
        this.skipped = meters.counter("concordia.inbox.skipped", "consumer", name);
        this.malformed = meters.counter("concordia.inbox.malformed", "consumer", name);
        this.ranges = new OffsetRanges(name, handlers.handled(), marks(), clock, Duration.ofSeconds(1));
    }

    public String name() {
        return name;
    }

    /** Takes one record, or a batch of records when the payload is a list. */
    @Override
    public void accept(Message<byte[]> message) {
        Object payload = message.getPayload();
        if (payload instanceof List<?> payloads) {
            acceptBatch(batch(message.getHeaders(), payloads));
        } else {
            MessageHeaders headers = message.getHeaders();
            acceptBatch(List.of(new Inbound(
                    (byte[]) payload,
                    headerMap(headers),
                    OffsetRanges.position(
                            headers.get(KafkaHeaders.RECEIVED_TOPIC),
                            headers.get(KafkaHeaders.RECEIVED_PARTITION),
                            headers.get(KafkaHeaders.OFFSET)))));
        }
    }

    /** Takes the records of one poll, in their order. */
    public void acceptAll(List<Message<byte[]>> messages) {
        List<Inbound> batch = new ArrayList<>(messages.size());
        for (Message<byte[]> message : messages) {
            MessageHeaders headers = message.getHeaders();
            batch.add(new Inbound(
                    message.getPayload(),
                    headerMap(headers),
                    OffsetRanges.position(
                            headers.get(KafkaHeaders.RECEIVED_TOPIC),
                            headers.get(KafkaHeaders.RECEIVED_PARTITION),
                            headers.get(KafkaHeaders.OFFSET))));
        }
        acceptBatch(batch);
    }

    /**
     * Runs the handler of the event as a redelivery after a crash between effect and mark would: without looking at
     * or writing the processed mark. Tests use it to check that a handler is idempotent.
     *
     * @return whether this consumer has a handler for the event's type
     */
    public boolean handleAgain(DomainEvent event, EventMetadata metadata) {
        BiConsumer<DomainEvent, EventMetadata> handler = handlers.handlerFor(event.getClass());
        if (handler == null) {
            return false;
        }
        handler.accept(event, metadata);
        return true;
    }

    /**
     * Writes the offset ranges not written yet, as the service stops (after its bindings stopped); for two seconds at
     * most, as the store may be gone already (a range not written only means lookups after the restart).
     */
    @Override
    public void destroy() {
        Thread saving = new Thread(ranges::saveAll, name + "-ranges");
        saving.setDaemon(true);
        saving.start();
        try {
            saving.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptBatch(List<Inbound> batch) {
        List<Candidate> candidates = new ArrayList<>(batch.size());
        for (int index = 0; index < batch.size(); index++) {
            Candidate candidate = candidate(batch.get(index), index);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            ranges.handled(positions(batch, batch.size()));
            return;
        }
        Set<String> processed;
        try {
            processed = alreadyProcessed(batch, candidates);
        } catch (RuntimeException e) {
            throw failedAt(0, e);
        }
        List<Candidate> handled = new ArrayList<>(candidates.size());
        handlers.batchStarted();
        for (Candidate candidate : candidates) {
            if (candidate.malformed() != null) {
                malformed.increment();
                throw endedAt(batch, handled, candidate.index(), candidate.malformed());
            }
            if (!processed.add(candidate.markId())) {
                log.debug("{} has processed event {} already", name, candidate.eventId());
                duplicates.increment();
                continue;
            }
            try {
                DomainEvent event = read(candidate);
                EventMetadata metadata = metadata(candidate);
                tracing.within(
                        name,
                        candidate.record().headers(),
                        () -> candidate.handler().accept(event, metadata));
            } catch (RuntimeException e) {
                throw endedAt(batch, handled, candidate.index(), e);
            }
            handled.add(candidate);
        }
        finish(handled);
        mark(handled, 0);
        ranges.handled(positions(batch, batch.size()));
    }

    /** Finishes and marks what was handled before the failed record, and the failure to raise. */
    private BatchListenerFailedException endedAt(
            List<Inbound> batch, List<Candidate> handled, int index, RuntimeException cause) {
        finish(handled);
        mark(handled, index);
        ranges.handled(positions(batch, index));
        return failedAt(index, cause);
    }

    private static List<OffsetRanges.Position> positions(List<Inbound> batch, int upTo) {
        List<OffsetRanges.Position> positions = new ArrayList<>(upTo);
        for (int i = 0; i < upTo; i++) {
            OffsetRanges.Position position = batch.get(i).position();
            if (position != null) {
                positions.add(position);
            }
        }
        return positions;
    }

    /** The work the batch's handlers deferred ({@link EventHandlers#aroundBatches}); failing, it fails the batch. */
    private void finish(List<Candidate> handled) {
        try {
            handlers.batchFinished();
        } catch (RuntimeException e) {
            throw failedAt(0, e);
        }
    }

    /** The event's handler and mark, or {@code null} for a record this consumer has nothing to do with. */
    private Candidate candidate(Inbound record, int index) {
        String id = header(record.headers(), CloudEventHeaders.ID);
        String type = header(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            // raised when the batch reaches it, so that the records before it are handled and marked first
            return new Candidate(
                    index,
                    null,
                    null,
                    record,
                    null,
                    null,
                    new MalformedEventException(
                            "The record has no ce_id or ce_type header, so it is not a CloudEvent; its headers: "
                                    + record.headers().keySet(),
                            null));
        }
        Optional<EventType> eventType = EventCatalogue.byType(type);
        if (eventType.isEmpty()) {
            log.debug("{} skips event {} of unknown type {}", name, id, type);
            skipped.increment();
            return null;
        }
        BiConsumer<DomainEvent, EventMetadata> handler =
                handlers.handlerFor(eventType.get().javaType());
        if (handler == null) {
            return null;
        }
        return new Candidate(index, name + ":" + id, id, record, eventType.get(), handler, null);
    }

    /** The envelope's attributes, read only for an event about to be handled: a duplicate needs its id alone. */
    private static EventMetadata metadata(Candidate candidate) {
        Map<String, Object> headers = candidate.record().headers();
        return new EventMetadata(
                candidate.eventId(),
                candidate.type().type(),
                header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT),
                time(header(headers, CloudEventHeaders.TIME)));
    }

    private DomainEvent read(Candidate candidate) {
        try {
            return json.read(candidate.record().payload(), candidate.type().javaType());
        } catch (RuntimeException e) {
            malformed.increment();
            throw new MalformedEventException(
                    "Event " + candidate.eventId() + " of type "
                            + candidate.type().type() + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The marks among the candidates, in one lookup by {@code _id $in}, which every store answers from its primary
     * index. Candidates inside their partition's offset range ({@link OffsetRanges}) are not looked up one by one:
     * the marks of the first and last of them in each partition are, and if both are there, all of them count as
     * processed; if not, the range is dropped and they are looked up after all.
     */
    private Set<String> alreadyProcessed(List<Inbound> batch, List<Candidate> candidates) {
        Map<OffsetRanges.Partition, OffsetRanges.Range> known = ranges.of(batch.stream()
                .map(Inbound::position)
                .filter(java.util.Objects::nonNull)
                .map(OffsetRanges.Position::of)
                .distinct()
                .toList());
        Map<OffsetRanges.Partition, List<Candidate>> covered = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (candidate.markId() == null) {
                continue;
            }
            OffsetRanges.Position position = candidate.record().position();
            OffsetRanges.Range range = position == null ? null : known.get(position.of());
            if (range != null && range.covers(position.offset())) {
                covered.computeIfAbsent(position.of(), p -> new ArrayList<>()).add(candidate);
            } else {
                ids.add(candidate.markId());
            }
        }
        covered.values().forEach(inRange -> {
            ids.add(inRange.get(0).markId());
            ids.add(inRange.get(inRange.size() - 1).markId());
        });
        Set<String> found = marked(ids);
        List<String> again = new ArrayList<>();
        covered.forEach((partition, inRange) -> {
            if (found.contains(inRange.get(0).markId())
                    && found.contains(inRange.get(inRange.size() - 1).markId())) {
                inRange.forEach(c -> found.add(c.markId()));
            } else {
                ranges.drop(partition, "a record inside it has no processed mark");
                inRange.forEach(c -> again.add(c.markId()));
            }
        });
        if (!again.isEmpty()) {
            found.addAll(marked(again));
        }
        return found;
    }

    private Set<String> marked(List<String> candidateIds) {
        List<String> ids = candidateIds.stream().distinct().toList();
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document mark : marks().find(new Document("_id", new Document("$in", ids)))
                .projection(new Document("_id", 1))
                .batchSize(ids.size())) {
            found.add(mark.getString("_id"));
        }
        return found;
    }

    /**
     * Marks the handled events in one unordered bulk insert; a mark that exists already (another instance processed
     * the event after a rebalance) is fine. If the store fails here, the batch fails from {@code failedIndex}.
     */
    private void mark(List<Candidate> handled, int failedIndex) {
        if (handled.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> marks = new ArrayList<>(handled.size());
        for (Candidate candidate : handled) {
            // the _id says which consumer processed which event; the time is for operators
            marks.add(new Document("_id", candidate.markId()).append("processedAt", now));
        }
        try {
            // a mark there already: the event was handled before (a redelivery, a replay)
            IdempotentWrites.insertNew(marks(), marks);
        } catch (RuntimeException e) {
            // the effects happened but their marks did not: the whole batch is handled again later
            throw failedAt(0, e);
        }
        Map<EventType, Integer> byType = new HashMap<>();
        for (Candidate candidate : handled) {
            byType.merge(candidate.type(), 1, Integer::sum);
        }
        byType.forEach((type, count) -> processed
                .computeIfAbsent(
                        type.type(), t -> meters.counter("concordia.inbox.processed", "consumer", name, "type", t))
                .increment(count));
    }

    private MongoCollection<Document> marks() {
        return mongo.getCollection(IdempotentConsumers.COLLECTION);
    }

    private BatchListenerFailedException failedAt(int index, RuntimeException cause) {
        if (cause instanceof BatchListenerFailedException failed) {
            return failed;
        }
        return new BatchListenerFailedException(
                name + " failed at record " + index + ": " + cause.getMessage(), cause, index);
    }

    private static List<Inbound> batch(MessageHeaders headers, List<?> payloads) {
        List<?> converted = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<?> nativeHeaders = headers.get(KafkaHeaders.NATIVE_HEADERS, List.class);
        List<?> topics = headers.get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<?> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
        List<Inbound> batch = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> recordHeaders = new LinkedHashMap<>();
            if (converted != null && i < converted.size() && converted.get(i) instanceof Map<?, ?> map) {
                map.forEach((key, value) -> recordHeaders.put(String.valueOf(key), value));
            } else if (nativeHeaders != null && i < nativeHeaders.size() && nativeHeaders.get(i) instanceof Headers h) {
                for (Header header : h) {
                    recordHeaders.put(header.key(), header.value());
                }
            }
            batch.add(new Inbound(
                    (byte[]) payloads.get(i),
                    recordHeaders,
                    OffsetRanges.position(at(topics, i), at(partitions, i), at(offsets, i))));
        }
        return batch;
    }

    private static @Nullable Object at(@Nullable List<?> values, int index) {
        return values != null && index < values.size() ? values.get(index) : null;
    }

    private static Map<String, Object> headerMap(MessageHeaders headers) {
        return headers;
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
    static String header(Map<String, Object> headers, String name) {
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

    /** A record as the binder handed it, with its place in its topic where the binder said it. */
    private record Inbound(byte[] payload, Map<String, Object> headers, OffsetRanges.@Nullable Position position) {}

    private record Candidate(
            int index,
            String markId,
            String eventId,
            Inbound record,
            EventType type,
            BiConsumer<DomainEvent, EventMetadata> handler,
            MalformedEventException malformed) {}
}
