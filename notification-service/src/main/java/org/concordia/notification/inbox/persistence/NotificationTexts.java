package org.concordia.notification.inbox.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.concordia.notification.inbox.Notification;
import org.concordia.platform.mongo.IdempotentWrites;

/**
 * {@code notification_texts}: {@code _id} = the source and a digest of the content; the rendered text and the calendar
 * entry, written once for all who read the same (one language, zone and reason), before the notifications that refer
 * to it. An id always names the same content, so texts read lately are kept in memory by their id.
 */
final class NotificationTexts {

    static final String TEXTS = "notification_texts";
    private static final int RECENT = 1_000;

    private final MongoCollection<Document> texts;

    private final Map<String, Document> recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > RECENT;
        }
    });

    NotificationTexts(MongoCollection<Document> texts) {
        this.texts = texts;
    }

    /**
     * Stores the texts of a batch, each once (one {@code insertMany}; a text stored before stays as it is).
     *
     * @return each notification's text id, by notification id
     */
    Map<String, String> store(List<Notification> batch) {
        Map<List<Object>, String> ids = new HashMap<>();
        Map<String, String> textOf = new HashMap<>();
        List<Document> documents = new ArrayList<>();
        for (Notification n : batch) {
            String textId = ids.computeIfAbsent(Arrays.asList(n.sourceId(), n.text(), n.invitation()), k -> {
                String id = NotificationDocuments.textId(n.sourceId(), n.text(), n.invitation());
                documents.add(NotificationDocuments.text(id, n.text(), n.invitation()));
                return id;
            });
            textOf.put(n.id(), textId);
        }
        IdempotentWrites.insertNew(texts, documents);
        return textOf;
    }

    /** The text a stored notification refers to; the notification itself when it holds its text (stored before). */
    Document of(Document notification) {
        String id = notification.getString("text");
        if (id == null) {
            return notification;
        }
        Document text = recent.get(id);
        if (text == null) {
            text = texts.find(Filters.eq("_id", id)).first();
            if (text == null) {
                throw new IllegalStateException(
                        "notification " + notification.getString("_id") + " without its text " + id);
            }
            recent.put(id, text);
        }
        return text;
    }
}
