package org.concordia.notification.inbox.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.InboxItem;
import org.concordia.notification.inbox.Notification;
import org.concordia.platform.mongo.IdempotentWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Four collections, each read by {@code _id} only (the texts through {@link NotificationTexts}):
 *
 * <ul>
 *   <li>{@code notifications}: one document per notification, {@code _id} = its deterministic id, with the bucket it
 *       went into and the id of its text; the unique {@code _id} makes storing it idempotent;
 *   <li>{@code notification_texts}: {@code _id} = the source and a digest of the content; the rendered text and the
 *       calendar entry, written once for all who read the same (one language, zone and reason), before them;
 *   <li>{@code inbox_buckets}: {@code _id} = {@code <personId>:<n>}, about {@code bucketSize} inbox items in arrival
 *       order, with the bucket's size and unread count: a person's counts are the sums over their buckets;
 *   <li>{@code inbox_summaries}: {@code _id} = person id: {@code top}, the person's newest bucket number, written only
 *       when a bucket is started (once per {@code bucketSize} notifications), before anything goes into it.
 * </ul>
 *
 * A batch of any size costs two reads ({@code top} of its people, then the size of their newest buckets), an
 * {@code insertMany} of its few texts and one of its notifications, and an {@code insertMany} of the buckets it starts
 * beside one bulk write of pushes to those it fills, plus a bulk write of summaries for the buckets it starts.
 */
@Repository
class MongoInbox implements Inbox {

    static final String NOTIFICATIONS = "notifications";
    static final String BUCKETS = "inbox_buckets";
    static final String SUMMARIES = "inbox_summaries";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> summaries;
    private final NotificationTexts texts;
    private final int bucketSize;

    MongoInbox(MongoTemplate mongo, @Value("${concordia.notification.inbox.bucket-size:50}") int bucketSize) {
        this.notifications = mongo.getCollection(NOTIFICATIONS);
        this.buckets = mongo.getCollection(BUCKETS);
        this.summaries = mongo.getCollection(SUMMARIES);
        this.texts = new NotificationTexts(mongo.getCollection(NotificationTexts.TEXTS));
        this.bucketSize = bucketSize;
    }

    @Override
    public List<Pending> store(List<Notification> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Placement placement = places(batch);
        Map<String, Long> bucketOf = placement.bucketOf();
        // the texts first: a stored notification's text is always there
        Map<String, String> textOf = texts.store(batch);
        List<Document> documents = new ArrayList<>(batch.size());
        for (Notification n : batch) {
            documents.add(NotificationDocuments.notification(n, bucketOf.get(n.id()), textOf.get(n.id())));
        }
        Set<String> stored = new HashSet<>(insertNew(documents));
        List<Notification> unfinished = new ArrayList<>();
        for (Notification n : batch) {
            if (!stored.contains(n.id())) {
                unfinished.add(n);
            }
        }
        Set<String> held = Set.of();
        if (!unfinished.isEmpty()) {
            // stored by an earlier attempt that may not have finished: it goes into the bucket chosen then, unless
            // the bucket holds it already (putting it there is the last step)
            for (Document earlier : notifications
                    .find(Filters.in(
                            "_id", unfinished.stream().map(Notification::id).toList()))
                    .projection(Projections.include("bucket"))) {
                bucketOf.put(
                        earlier.getString("_id"),
                        earlier.get("bucket", Number.class).longValue());
            }
            held = held(unfinished, bucketOf);
        }
        List<Pending> pending = new ArrayList<>(batch.size());
        Set<String> earlier = new HashSet<>();
        unfinished.forEach(n -> earlier.add(n.id()));
        for (Notification n : batch) {
            if (!held.contains(n.id())) {
                // a bucket chosen by an earlier attempt may exist by now
                boolean opens = !earlier.contains(n.id()) && placement.opening().contains(n.id());
                pending.add(new Pending(n, bucketOf.get(n.id()), opens));
            }
        }
        return pending;
    }

    /** Each notification's bucket, and which notifications go first into a bucket that does not exist yet. */
    private record Placement(Map<String, Long> bucketOf, Set<String> opening) {}

    /**
     * Chooses each in-app notification's bucket from two {@code _id} reads: the people's newest bucket numbers, then
     * those buckets' sizes; a full one is followed by the next number. Two fan-outs choosing at once may fill a bucket
     * a little beyond {@code bucketSize}, which readers do not mind.
     */
    private Placement places(List<Notification> batch) {
        Set<String> personIds = new HashSet<>();
        batch.stream().filter(Notification::inApp).forEach(n -> personIds.add(n.personId()));
        Map<String, Long> top = tops(personIds);
        Map<String, Long> size = new HashMap<>();
        if (!personIds.isEmpty()) {
            List<String> newest = personIds.stream()
                    .map(p -> p + ":" + top.getOrDefault(p, 0L))
                    .toList();
            for (Document bucket :
                    buckets.find(Filters.in("_id", newest)).projection(Projections.include("personId", "size"))) {
                size.put(bucket.getString("personId"), number(bucket, "size"));
            }
        }
        Map<String, Long> bucketOf = new HashMap<>();
        Set<String> opening = new HashSet<>();
        for (Notification n : batch) {
            long bucket = 0;
            if (n.inApp()) {
                String p = n.personId();
                bucket = top.getOrDefault(p, 0L);
                Long filled = size.get(p);
                if (filled == null || filled >= bucketSize) {
                    // the person's newest bucket is absent, or full: this notification starts one
                    if (filled != null) {
                        bucket++;
                        top.put(p, bucket);
                    }
                    filled = 0L;
                    opening.add(n.id());
                }
                size.put(p, filled + 1);
            }
            bucketOf.put(n.id(), bucket);
        }
        return new Placement(bucketOf, opening);
    }

    private Map<String, Long> tops(Set<String> personIds) {
        Map<String, Long> tops = new HashMap<>();
        if (personIds.isEmpty()) {
            return tops;
        }
        for (Document summary : summaries.find(Filters.in("_id", personIds)).projection(Projections.include("top"))) {
            tops.put(summary.getString("_id"), number(summary, "top"));
        }
        return tops;
    }

    private long top(String personId) {
        return tops(Set.of(personId)).getOrDefault(personId, 0L);
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0L;
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

    /** @return the ids inserted now; the others were stored before */
    private List<String> insertNew(List<Document> documents) {
        Set<Integer> existing = IdempotentWrites.insertNew(notifications, documents);
        List<String> inserted = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            if (!existing.contains(i)) {
                inserted.add(documents.get(i).getString("_id"));
            }
        }
        return inserted;
    }

    /**
     * Puts the in-app ones into their buckets, the last step of storing a notification: what a bucket holds is
     * finished. A bucket started here is first recorded as its person's newest ({@code $max}, so a slower writer
     * never moves it back), so readers that sum a person's buckets up to {@code top} see every item. Every write
     * filters on {@code _id} alone (the embedded store scans for anything more).
     */
    @Override
    public void arranged(List<Pending> finished) {
        Map<String, Long> started = new HashMap<>();
        // the items of each bucket together, in arrival order; a bucket this batch starts is inserted whole
        Map<String, List<Pending>> byBucket = new LinkedHashMap<>();
        for (Pending pending : finished) {
            Notification n = pending.notification();
            if (!n.inApp()) {
                continue;
            }
            if (pending.place() > 0) {
                started.merge(n.personId(), pending.place(), Math::max);
            }
            byBucket.computeIfAbsent(n.personId() + ":" + pending.place(), k -> new ArrayList<>())
                    .add(pending);
        }
        List<Document> opened = new ArrayList<>();
        List<WriteModel<Document>> pushes = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucketId, items) -> {
            if (items.get(0).opens()) {
                opened.add(new Document("_id", bucketId)
                        .append("items", items(items))
                        .append("unread", (long) items.size())
                        .append("size", (long) items.size())
                        .append("personId", items.get(0).notification().personId()));
            } else {
                pushes.add(push(bucketId, items));
            }
        });
        if (!started.isEmpty()) {
            Map<String, Long> known = tops(started.keySet());
            List<WriteModel<Document>> tops = new ArrayList<>();
            started.forEach((personId, top) -> {
                if (known.getOrDefault(personId, 0L) < top) {
                    tops.add(new UpdateOneModel<>(Filters.eq("_id", personId), Updates.max("top", top), UPSERT));
                }
            });
            IdempotentWrites.bulkWrite(summaries, tops);
        }
        // a bucket started meanwhile by another writer (another topic's consumer telling the same person) is pushed to
        for (int index : IdempotentWrites.insertNew(buckets, opened)) {
            String bucketId = opened.get(index).getString("_id");
            pushes.add(push(bucketId, byBucket.get(bucketId)));
        }
        IdempotentWrites.bulkWrite(buckets, pushes);
    }

    private static List<Document> items(List<Pending> pending) {
        return pending.stream()
                .map(p -> NotificationDocuments.item(p.notification()))
                .toList();
    }

    private static WriteModel<Document> push(String bucketId, List<Pending> items) {
        return new UpdateOneModel<>(
                Filters.eq("_id", bucketId),
                Updates.combine(
                        Updates.pushEach("items", items(items)),
                        Updates.inc("unread", items.size()),
                        Updates.inc("size", items.size()),
                        Updates.setOnInsert(
                                "personId", items.get(0).notification().personId())),
                UPSERT);
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first())
                .map(d -> NotificationDocuments.notification(d, texts.of(d)));
    }

    /** The size and unread count of each of the person's buckets, newest first, from two {@code _id} reads. */
    private List<Header> headers(String personId) {
        return headers(personId, top(personId));
    }

    private List<Header> headers(String personId, long top) {
        List<String> ids = new ArrayList<>();
        for (long b = top; b >= 0; b--) {
            ids.add(personId + ":" + b);
        }
        Map<String, Document> found = new HashMap<>();
        buckets.find(Filters.in("_id", ids))
                .projection(Projections.include("size", "unread"))
                .forEach(d -> found.put(d.getString("_id"), d));
        List<Header> headers = new ArrayList<>(ids.size());
        for (long b = top; b >= 0; b--) {
            Document d = found.get(personId + ":" + b);
            if (d != null) {
                headers.add(new Header(b, number(d, "size"), Math.max(0, number(d, "unread"))));
            }
        }
        return headers;
    }

    private record Header(long bucket, long size, long unread) {}

    @Override
    public Counts counts(String personId) {
        long total = 0;
        long unread = 0;
        for (Header h : headers(personId)) {
            total += h.size();
            unread += h.unread();
        }
        return new Counts(total, unread);
    }

    @Override
    public List<InboxItem> page(String personId, int offset, int limit, boolean unreadOnly) {
        if (limit <= 0) {
            return List.of();
        }
        long top = top(personId);
        if (offset == 0) {
            // the first page is most often in the newest bucket alone: read it straight away
            Document newest =
                    buckets.find(Filters.eq("_id", personId + ":" + top)).first();
            List<InboxItem> page = new ArrayList<>(limit);
            add(newest, unreadOnly, new long[] {0}, 0, limit, page);
            if (page.size() == limit || top == 0) {
                return page;
            }
        }
        // whole buckets before the page are skipped by their counts; only the buckets the page needs are read
        long skipped = 0;
        long wanted = 0;
        List<String> needed = new ArrayList<>();
        for (Header h : headers(personId, top)) {
            long items = unreadOnly ? h.unread() : h.size();
            if (items == 0) {
                continue;
            }
            if (needed.isEmpty() && skipped + items <= offset) {
                skipped += items;
                continue;
            }
            needed.add(personId + ":" + h.bucket());
            wanted += items;
            if (skipped + wanted >= (long) offset + limit) {
                break;
            }
        }
        if (needed.isEmpty()) {
            return List.of();
        }
        Map<String, Document> found = new HashMap<>();
        buckets.find(Filters.in("_id", needed)).forEach(d -> found.put(d.getString("_id"), d));
        List<InboxItem> page = new ArrayList<>(limit);
        long[] skipping = {skipped};
        for (String id : needed) {
            add(found.get(id), unreadOnly, skipping, offset, limit, page);
        }
        return page;
    }

    /** Adds the bucket's items to the page, newest first, after skipping up to {@code offset} in all. */
    private static void add(
            @Nullable Document bucket,
            boolean unreadOnly,
            long[] skipped,
            int offset,
            int limit,
            List<InboxItem> page) {
        if (bucket == null) {
            return;
        }
        List<Document> items = bucket.getList("items", Document.class, List.of());
        for (int i = items.size() - 1; i >= 0 && page.size() < limit; i--) {
            Document item = items.get(i);
            if (unreadOnly && item.getBoolean("read", false)) {
                continue;
            }
            if (skipped[0] < offset) {
                skipped[0]++;
            } else {
                page.add(NotificationDocuments.item(item));
            }
        }
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
        return Optional.of(true);
    }

    @Override
    public long markAllRead(String personId) {
        long marked = 0;
        for (Header h : headers(personId)) {
            if (h.unread() > 0) {
                marked += markBucketRead(personId + ":" + h.bucket());
            }
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
        long top = top(personId);
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
