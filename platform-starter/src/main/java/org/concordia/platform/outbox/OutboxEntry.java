package org.concordia.platform.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One event waiting in its aggregate's document to be published. It is stored in the same document, and so in
 * the same atomic write, as the state change that caused it. {@code trace} holds the trace context of the write
 * (W3C {@code traceparent}, {@code tracestate}, {@code baggage}) as the headers it travels in.
 */
record OutboxEntry(
        String id,
        String type,
        String topic,
        String source,
        String subject,
        Instant time,
        byte[] payload,
        Map<String, String> trace) {

    private static final String TRACE = "trace";
    private static final String LEGACY_TRACEPARENT = "traceparent";

    Document toDocument() {
        Document document = new Document("id", id)
                .append("type", type)
                .append("topic", topic)
                .append("source", source)
                .append("subject", subject)
                .append("time", Date.from(time))
                .append("payload", new Binary(payload));
        if (!trace.isEmpty()) {
            document.append(TRACE, new Document(new LinkedHashMap<>(trace)));
        }
        return document;
    }

    /**
     * Reads a stored entry.
     *
     * @throws MalformedOutboxEntryException when a field is missing or of another type than this class writes
     */
    static OutboxEntry fromDocument(Document document) {
        Map<String, String> trace = new LinkedHashMap<>();
        Object stored = document.get(TRACE);
        if (stored instanceof Document headers) {
            headers.forEach((name, value) -> {
                if (value instanceof String text) {
                    trace.put(name, text);
                }
            });
        } else if (document.get(LEGACY_TRACEPARENT) instanceof String traceparent) {
            trace.put(LEGACY_TRACEPARENT, traceparent);
        }
        return new OutboxEntry(
                text(document, "id"),
                text(document, "type"),
                text(document, "topic"),
                text(document, "source"),
                text(document, "subject"),
                required(document, "time", Date.class).toInstant(),
                payload(document),
                trace);
    }

    private static byte[] payload(Document document) {
        Object payload = document.get("payload");
        if (payload instanceof Binary binary) {
            return binary.getData();
        }
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        throw malformed("payload", payload, "binary");
    }

    private static String text(Document document, String field) {
        String value = required(document, field, String.class);
        if (value.isBlank()) {
            throw new MalformedOutboxEntryException("field " + field + " is blank");
        }
        return value;
    }

    private static <T> T required(Document document, String field, Class<T> type) {
        Object value = document.get(field);
        if (!type.isInstance(value)) {
            throw malformed(field, value, type.getSimpleName());
        }
        return type.cast(value);
    }

    private static MalformedOutboxEntryException malformed(String field, Object value, String expected) {
        return new MalformedOutboxEntryException(
                value == null
                        ? "field " + field + " is missing"
                        : "field " + field + " is a " + value.getClass().getSimpleName() + ", not a " + expected);
    }
}
