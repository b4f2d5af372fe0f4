package org.concordia.platform.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One event waiting in its aggregate's document to be published. It is stored in the same document, and so in
 * the same atomic write, as the state change that caused it.
 */
record OutboxEntry(
        String id,
        String type,
        String topic,
        String source,
        String subject,
        Instant time,
        byte[] payload,
        String traceparent) {

    Document toDocument() {
        Document document = new Document("id", id)
                .append("type", type)
                .append("topic", topic)
                .append("source", source)
                .append("subject", subject)
                .append("time", Date.from(time))
                .append("payload", new Binary(payload));
        if (traceparent != null) {
            document.append("traceparent", traceparent);
        }
        return document;
    }

    static OutboxEntry fromDocument(Document document) {
        Object payload = document.get("payload");
        byte[] bytes = payload instanceof Binary binary ? binary.getData() : (byte[]) payload;
        return new OutboxEntry(
                document.getString("id"),
                document.getString("type"),
                document.getString("topic"),
                document.getString("source"),
                document.getString("subject"),
                document.getDate("time").toInstant(),
                bytes,
                document.getString("traceparent"));
    }
}
