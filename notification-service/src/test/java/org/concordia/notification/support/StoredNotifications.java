package org.concordia.notification.support;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stored notifications as tests read them: a notification's own fields with those of the text it shares. */
public final class StoredNotifications {

    private StoredNotifications() {}

    /** @return the notification with its text's fields beside its own, or null when it is not stored */
    public static @Nullable Document find(MongoTemplate mongo, String notificationId) {
        Document notification = mongo.getCollection("notifications")
                .find(new Document("_id", notificationId))
                .first();
        return notification == null ? null : withText(mongo, notification);
    }

    /** @return the notification document with the fields of its text document added */
    public static Document withText(MongoTemplate mongo, Document notification) {
        Document text = mongo.getCollection("notification_texts")
                .find(new Document("_id", notification.getString("text")))
                .first();
        if (text == null) {
            throw new AssertionError("notification " + notification.getString("_id") + " has no text");
        }
        Document both = new Document(notification);
        text.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                both.put(field, value);
            }
        });
        return both;
    }
}
