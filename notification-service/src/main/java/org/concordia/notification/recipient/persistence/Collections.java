package org.concordia.notification.recipient.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.notification.recipient.ReadModelWrites;
import org.concordia.platform.mongo.IdempotentWrites;
import org.jspecify.annotations.Nullable;

/**
 * The read model's collections and its one way of writing: read the document by {@code _id}, decide in memory
 * whether the event is news (versions, sequences, event times), and upsert by {@code _id}. Both steps are
 * {@code _id} look-ups, fast on MongoDB and on the embedded store, which scans for any other filter. One
 * aggregate's events arrive in order on one partition, handled by one consumer at a time, so nothing else decides
 * about the same document in between. While a consumer's thread holds its writes ({@link ReadModelWrites}), the
 * writes of a poll wait and go out together: one {@code _id $in} read and one bulk write per collection. Every read
 * of the read model in this package calls {@link #reading()} first.
 */
final class Collections {

    static final String PEOPLE = "people";
    static final String ORGANIZATIONS = "organizations";
    static final String MEMBERSHIPS = "memberships";
    static final String PROJECTS = "projects";
    static final String MEETINGS = "meetings";
    static final String REGISTRATIONS = "registrations";
    static final String PARTNERSHIPS = "partnerships";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private Collections() {}

    /** This thread's writes waiting while it holds them ({@link ReadModelWrites}); absent when it does not. */
    private static final ThreadLocal<@Nullable Waiting> WAITING = new ThreadLocal<>();

    /**
     * Applies {@code update} to the document {@code id} (created if absent) when {@code news} holds for it: now, or
     * when this thread holds its writes, at the next read, repeated document or flush.
     */
    static void upsertIfNews(
            MongoCollection<Document> collection, String id, Predicate<@Nullable Document> news, Bson update) {
        Waiting waiting = WAITING.get();
        if (waiting == null) {
            write(collection, new LinkedHashMap<>(Map.of(id, new Write(news, update))));
            return;
        }
        if (!waiting.add(collection, id, new Write(news, update))) {
            // the document is waiting already: the earlier write goes first, and this one decides after it
            waiting.flush();
            waiting.add(collection, id, new Write(news, update));
        }
    }

    /** Before any read of the read model: what this thread holds is written first, so the read sees it. */
    static void reading() {
        Waiting waiting = WAITING.get();
        if (waiting != null) {
            waiting.flush();
        }
    }

    static void hold() {
        WAITING.set(new Waiting());
    }

    static void flush() {
        reading();
    }

    static void release() {
        WAITING.remove();
    }

    /** One conditional upsert. */
    private record Write(Predicate<@Nullable Document> news, Bson update) {}

    /** The writes waiting, per collection in the order they came; at most one per document. */
    private static final class Waiting {

        private final Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
        private final Map<String, LinkedHashMap<String, Write>> writes = new LinkedHashMap<>();

        /** @return false, adding nothing, when the document is waiting already */
        boolean add(MongoCollection<Document> collection, String id, Write write) {
            String name = collection.getNamespace().getFullName();
            collections.putIfAbsent(name, collection);
            return writes.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(id, write) == null;
        }

        void flush() {
            for (Map.Entry<String, LinkedHashMap<String, Write>> waiting : writes.entrySet()) {
                if (!waiting.getValue().isEmpty()) {
                    write(collections.get(waiting.getKey()), waiting.getValue());
                }
            }
            writes.clear();
        }
    }

    /**
     * Reads the documents with one {@code _id $in}, decides for each whether its write is news, and writes those with
     * one unordered bulk write (the documents are distinct).
     */
    private static void write(MongoCollection<Document> collection, LinkedHashMap<String, Write> writes) {
        Map<String, Document> current = new HashMap<>();
        Bson filter = writes.size() == 1
                ? Filters.eq("_id", writes.keySet().iterator().next())
                : Filters.in("_id", writes.keySet());
        for (Document d : collection.find(filter)) {
            current.put(d.getString("_id"), d);
        }
        List<WriteModel<Document>> news = new ArrayList<>(writes.size());
        writes.forEach((id, write) -> {
            if (write.news().test(current.get(id))) {
                news.add(new UpdateOneModel<>(Filters.eq("_id", id), write.update(), UPSERT));
            }
        });
        if (news.isEmpty()) {
            return;
        }
        // a key taken meanwhile: inserted by a repeat of the same event
        IdempotentWrites.bulkWrite(collection, news);
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
