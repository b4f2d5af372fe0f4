package org.concordia.notification.recipient.persistence;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;

/** The read model's collections and its one way of writing: a conditional upsert that ignores stale events. */
final class Collections {

    static final String PEOPLE = "people";
    static final String ORGANIZATIONS = "organizations";
    static final String MEMBERSHIPS = "memberships";
    static final String PROJECTS = "projects";
    static final String MEETINGS = "meetings";
    static final String REGISTRATIONS = "registrations";

    private Collections() {}

    /**
     * Applies {@code update} when {@code news} matches; when it does not, the upsert tries to insert a second
     * document with the same {@code _id}, which the unique index refuses, and the stale event changes nothing.
     */
    static void upsertIfNews(MongoCollection<Document> collection, Bson news, Bson update) {
        try {
            collection.updateOne(news, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        } catch (DuplicateKeyException ignored) {
            // not news
        }
    }

    /** {@code _id} is the id and {@code field} is absent or older than {@code at}. */
    static Bson olderThan(String id, String field, Instant at) {
        return Filters.and(
                Filters.eq("_id", id), Filters.or(Filters.exists(field, false), Filters.lt(field, Date.from(at))));
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
