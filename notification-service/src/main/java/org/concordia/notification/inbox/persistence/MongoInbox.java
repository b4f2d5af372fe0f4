package org.concordia.notification.inbox.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.InboxItem;
import org.concordia.notification.inbox.Notification;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Three collections, each read by {@code _id} only:
 *
 * <ul>
 *   <li>{@code notifications}: one document per notification, {@code _id} = its deterministic id; the unique
 *       {@code _id} makes storing it idempotent;
 *   <li>{@code inbox_buckets}: {@code _id} = {@code <personId>:<bucket>}, up to {@code bucketSize} inbox items in
 *       arrival order, with the bucket's unread count;
 *   <li>{@code inbox_summaries}: {@code _id} = person id: total, unread, and the ids of the latest notifications
 *       counted, which makes counting idempotent.
 * </ul>
 *
 * A batch of any size costs a read of the summaries, an {@code insertMany}, one bulk write of buckets and one of
 * summaries.
 */
@Repository
class MongoInbox implements Inbox {

    static final String NOTIFICATIONS = "notifications";
    static final String BUCKETS = "inbox_buckets";
    static final String SUMMARIES = "inbox_summaries";
    private static final int RECENT = 32;
    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> summaries;
    private final int bucketSize;

    MongoInbox(MongoTemplate mongo, @Value("${concordia.notification.inbox.bucket-size:50}") int bucketSize) {
        this.notifications = mongo.getCollection(NOTIFICATIONS);
        this.buckets = mongo.getCollection(BUCKETS);
        this.summaries = mongo.getCollection(SUMMARIES);
        this.bucketSize = bucketSize;
    }

    @Override
    public List<String> store(List<Notification> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> recent = new HashMap<>();
        Map<String, Long> totals =
                totals(batch.stream().map(Notification::personId).toList(), recent);
        Map<String, Long> bucketOf = new HashMap<>();
        List<Document> documents = new ArrayList<>(batch.size());
        for (Notification n : batch) {
            long bucket = 0;
            if (n.inApp()) {
                long total = totals.merge(n.personId(), 1L, Long::sum) - 1;
                bucket = total / bucketSize;
            }
            bucketOf.put(n.id(), bucket);
            documents.add(NotificationDocuments.notification(n, bucket));
        }
        Set<String> stored = new HashSet<>(insertNew(documents));
        List<Notification> fresh = new ArrayList<>();
        List<Notification> unfinished = new ArrayList<>();
        for (Notification n : batch) {
            if (stored.contains(n.id())) {
                fresh.add(n);
            } else if (!n.inApp()
                    || !recent.getOrDefault(n.personId(), List.of()).contains(n.id())) {
                // stored by an earlier attempt that may not have finished: counting is its last step
                unfinished.add(n);
            }
        }
        if (!unfinished.isEmpty()) {
            // finish in the bucket the earlier attempt chose, unless the item is there already
            for (Document earlier : notifications
                    .find(Filters.in(
                            "_id", unfinished.stream().map(Notification::id).toList()))
                    .projection(Projections.include("bucket"))) {
                bucketOf.put(
                        earlier.getString("_id"),
                        earlier.get("bucket", Number.class).longValue());
            }
        }
        Set<String> held = held(unfinished, bucketOf);
        List<Notification> inApp = new ArrayList<>();
        fresh.stream().filter(Notification::inApp).forEach(inApp::add);
        unfinished.stream().filter(n -> n.inApp() && !held.contains(n.id())).forEach(inApp::add);
        pushIntoBuckets(inApp, bucketOf);
        List<String> pending = new ArrayList<>(fresh.size() + unfinished.size());
        fresh.forEach(n -> pending.add(n.id()));
        unfinished.forEach(n -> pending.add(n.id()));
        return pending;
    }

    /** Which of these notifications, stored by an earlier attempt, their buckets hold already. */
    private Set<String> held(List<Notification> earlier, Map<String, Long> bucketOf) {
        Set<String> held = new HashSet<>();
        Set<String> bucketIds = new HashSet<>();
        earlier.stream()
                .filter(Notification::inApp)
                .forEach(n -> bucketIds.add(n.personId() + ":" + bucketOf.get(n.id())));
        if (!bucketIds.isEmpty()) {
            for (Document bucket :
                    buckets.find(Filters.in("_id", bucketIds)).projection(Projections.include("items.id"))) {
                for (Document item : bucket.getList("items", Document.class, List.of())) {
                    held.add(item.getString("id"));
                }
            }
        }
        return held;
    }

    private Map<String, Long> totals(List<String> personIds, Map<String, List<String>> recent) {
        Map<String, Long> totals = new HashMap<>();
        for (Document summary : summaries
                .find(Filters.in("_id", new HashSet<>(personIds)))
                .projection(Projections.include("total", "recent"))) {
            totals.put(
                    summary.getString("_id"), summary.get("total", Number.class).longValue());
            recent.put(summary.getString("_id"), summary.getList("recent", String.class, List.of()));
        }
        return totals;
    }

    /** @return the ids inserted now; the others were stored before */
    private List<String> insertNew(List<Document> documents) {
        List<String> ids = documents.stream().map(d -> d.getString("_id")).toList();
        try {
            notifications.insertMany(documents, new InsertManyOptions().ordered(false));
            return ids;
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            List<String> inserted = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!duplicates.contains(i)) {
                    inserted.add(ids.get(i));
                }
            }
            return inserted;
        }
    }

    /** Every update filters on {@code _id} alone (the embedded store scans for anything more). */
    private void pushIntoBuckets(List<Notification> inApp, Map<String, Long> bucketOf) {
        List<WriteModel<Document>> writes = new ArrayList<>(inApp.size());
        for (Notification n : inApp) {
            writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", n.personId() + ":" + bucketOf.get(n.id())),
                    Updates.combine(
                            Updates.push("items", NotificationDocuments.item(n)),
                            Updates.inc("unread", 1),
                            Updates.inc("size", 1),
                            Updates.setOnInsert("personId", n.personId())),
                    UPSERT));
        }
        bulkIgnoringDuplicates(buckets, writes);
    }

    /**
     * Counts the in-app ones into their summaries, the last step of storing a notification: what the summaries'
     * recent ids show is finished. Filters on {@code _id} alone.
     */
    @Override
    public void arranged(List<Notification> finished) {
        List<WriteModel<Document>> writes = new ArrayList<>(finished.size());
        for (Notification n : finished) {
            if (!n.inApp()) {
                continue;
            }
            writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", n.personId()),
                    Updates.combine(
                            Updates.inc("total", 1L),
                            Updates.inc("unread", 1L),
                            Updates.pushEach(
                                    "recent",
                                    List.of(n.id()),
                                    new com.mongodb.client.model.PushOptions().slice(-RECENT))),
                    UPSERT));
        }
        bulkIgnoringDuplicates(summaries, writes);
    }

    /** Duplicate keys mean "applied before" for these conditional upserts. */
    private static void bulkIgnoringDuplicates(
            MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first())
                .map(NotificationDocuments::notification);
    }

    @Override
    public Counts counts(String personId) {
        Document summary = summaries
                .find(Filters.eq("_id", personId))
                .projection(Projections.include("total", "unread"))
                .first();
        if (summary == null) {
            return new Counts(0, 0);
        }
        return new Counts(
                summary.get("total", Number.class).longValue(),
                Math.max(0, summary.get("unread", Number.class).longValue()));
    }

    @Override
    public List<InboxItem> page(String personId, int offset, int limit, boolean unreadOnly) {
        long total = counts(personId).total();
        if (total == 0 || limit <= 0) {
            return List.of();
        }
        List<InboxItem> page = new ArrayList<>(limit);
        int skipped = 0;
        long bucket = (total - 1) / bucketSize;
        while (bucket >= 0 && page.size() < limit) {
            // a few buckets per round trip, newest first
            List<String> ids = new ArrayList<>();
            for (long b = bucket; b >= 0 && ids.size() < 4; b--) {
                ids.add(personId + ":" + b);
            }
            Map<String, Document> found = new HashMap<>();
            buckets.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
            for (String id : ids) {
                Document d = found.get(id);
                if (d == null || (unreadOnly && d.get("unread", Number.class).longValue() <= 0)) {
                    continue;
                }
                List<Document> items = new ArrayList<>(d.getList("items", Document.class, List.of()));
                Collections.reverse(items);
                for (Document item : items) {
                    if (unreadOnly && item.getBoolean("read", false)) {
                        continue;
                    }
                    if (skipped < offset) {
                        skipped++;
                    } else if (page.size() < limit) {
                        page.add(NotificationDocuments.item(item));
                    }
                }
            }
            bucket -= ids.size();
        }
        return page;
    }

    @Override
    public Optional<Boolean> markRead(String personId, String notificationId) {
        Document n = notifications
                .find(Filters.eq("_id", notificationId))
                .projection(Projections.include("personId", "bucket", "inApp"))
                .first();
        if (n == null || !personId.equals(n.getString("personId")) || !n.getBoolean("inApp", true)) {
            return Optional.empty();
        }
        String bucketId = personId + ":" + n.get("bucket", Number.class).longValue();
        // read by _id, decide in memory, write by _id: a filter on the item would scan every bucket
        Document bucket = buckets.find(Filters.eq("_id", bucketId)).first();
        List<Document> items = bucket == null ? List.of() : bucket.getList("items", Document.class, List.of());
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (notificationId.equals(items.get(i).getString("id"))) {
                index = i;
            }
        }
        if (index < 0 || items.get(index).getBoolean("read", false)) {
            return Optional.of(false);
        }
        buckets.updateOne(
                Filters.eq("_id", bucketId),
                Updates.combine(Updates.set("items." + index + ".read", true), Updates.inc("unread", -1)));
        summaries.updateOne(Filters.eq("_id", personId), Updates.inc("unread", -1L));
        return Optional.of(true);
    }

    @Override
    public long markAllRead(String personId) {
        long total = counts(personId).total();
        long marked = 0;
        for (long b = (total - 1) / bucketSize; total > 0 && b >= 0; b--) {
            marked += markBucketRead(personId + ":" + b);
        }
        if (marked > 0) {
            summaries.updateOne(Filters.eq("_id", personId), Updates.inc("unread", -marked));
        }
        return marked;
    }

    /**
     * Marks the bucket's unread items read, each by its position (an item arriving meanwhile is appended after them
     * and stays unread); read and written by {@code _id}.
     */
    private long markBucketRead(String bucketId) {
        Document bucket = buckets.find(Filters.eq("_id", bucketId)).first();
        if (bucket == null || bucket.get("unread", Number.class).longValue() <= 0) {
            return 0;
        }
        List<Document> items = bucket.getList("items", Document.class, List.of());
        List<org.bson.conversions.Bson> reads = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).getBoolean("read", false)) {
                reads.add(Updates.set("items." + i + ".read", true));
            }
        }
        if (reads.isEmpty()) {
            return 0;
        }
        reads.add(Updates.inc("unread", -reads.size()));
        buckets.updateOne(Filters.eq("_id", bucketId), Updates.combine(reads));
        return reads.size() - 1;
    }

    @Override
    public List<InboxItem> after(String personId, @Nullable String lastId, int limit) {
        long total = counts(personId).total();
        if (total == 0) {
            return List.of();
        }
        long top = (total - 1) / bucketSize;
        long from = 0;
        if (lastId != null) {
            Document last = notifications
                    .find(Filters.eq("_id", lastId))
                    .projection(Projections.include("personId", "bucket"))
                    .first();
            if (last != null && personId.equals(last.getString("personId"))) {
                from = last.get("bucket", Number.class).longValue();
            } else {
                lastId = null;
            }
        }
        List<String> ids = new ArrayList<>();
        for (long b = from; b <= top; b++) {
            ids.add(personId + ":" + b);
        }
        Map<String, Document> found = new HashMap<>();
        buckets.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
        List<InboxItem> after = new ArrayList<>();
        boolean passed = lastId == null;
        for (String id : ids) {
            Document d = found.get(id);
            if (d == null) {
                continue;
            }
            for (Document item : d.getList("items", Document.class, List.of())) {
                if (passed && after.size() < limit) {
                    after.add(NotificationDocuments.item(item));
                } else if (item.getString("id").equals(lastId)) {
                    passed = true;
                }
            }
        }
        return after;
    }
}
