package org.concordia.platform.outbox;

import java.util.List;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Looks into the outboxes the way the relay does, for tests of the relay. */
final class OutboxFixtures {

    private OutboxFixtures() {}

    static final String TOPIC = EventCatalogue.ORGANIZATION_EVENTS;

    static long pending(MongoTemplate mongo, String collection) {
        long count = 0;
        for (Document document : mongo.getCollection(collection).find()) {
            count += document.getList(AggregateStore.OUTBOX, Document.class, List.of())
                    .size();
        }
        return count;
    }

    static List<OutboxEntry> entries(MongoTemplate mongo, String collection, String id) {
        Document document =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document.getList(AggregateStore.OUTBOX, Document.class, List.of()).stream()
                .map(OutboxEntry::fromDocument)
                .toList();
    }
}
