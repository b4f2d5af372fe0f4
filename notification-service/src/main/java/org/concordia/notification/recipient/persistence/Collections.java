package org.concordia.notification.recipient.persistence;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;

/**
 * The read model's collections and its one way of writing: read the document by {@code _id}, decide in memory
 * whether the event is news (versions, sequences, event times), and upsert by {@code _id}. Both steps are
 * {@code _id} look-ups, fast on MongoDB and on the embedded store, which scans for any other filter. One
 * aggregate's events arrive in order on one partition, handled by one consumer at a time, so nothing else decides
 * about the same document in between.
 */
final class Collections {

    static final String PEOPLE = "people";
    static final String ORGANIZATIONS = "organizations";
    static final String MEMBERSHIPS = "memberships";
    static final String PROJECTS = "projects";
    static final String MEETINGS = "meetings";
    static final String REGISTRATIONS = "registrations";
    static final String PARTNERSHIPS = "partnerships";

    private Collections() {}

    /** Applies {@code update} to the document {@code id} (created if absent) when {@code news} holds for it. */
    static void upsertIfNews(
            MongoCollection<Document> collection, String id, Predicate<@Nullable Document> news, Bson update) {
        Document current = collection.find(Filters.eq("_id", id)).first();
        if (!news.test(current)) {
            return;
        }
        try {
            collection.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        } catch (DuplicateKeyException ignored) {
            // inserted meanwhile by a repeat of the same event
        }
    }

    /** Always news: the update itself is idempotent ({@code $setOnInsert}, {@code $addToSet}). */
    static Predicate<@Nullable Document> always() {
        return d -> true;
    }

    /** The document is absent or lacks {@code field}. */
    static Predicate<@Nullable Document> without(String field) {
        return d -> d == null || d.get(field) == null;
    }

    /** The document is absent, lacks {@code field}, or holds an older time in it than {@code at}. */
    static Predicate<@Nullable Document> olderThan(String field, Instant at) {
        return d -> {
            Date held = d == null ? null : d.getDate(field);
            return held == null || held.toInstant().isBefore(at);
        };
    }

    /** The document is absent, lacks the number {@code field}, or holds a lower one than {@code value}. */
    static Predicate<@Nullable Document> lowerThan(String field, long value) {
        return d -> {
            Number held = d == null ? null : d.get(field, Number.class);
            return held == null || held.longValue() < value;
        };
    }

    /** The document is absent or its {@code field} is not {@code true}. */
    static Predicate<@Nullable Document> notYet(String field) {
        return d -> d == null || !Boolean.TRUE.equals(d.get(field));
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
