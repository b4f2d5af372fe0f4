package org.concordia.notification.delivery.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.notification.delivery.Deliveries;
import org.concordia.notification.delivery.Delivery;
import org.concordia.platform.inbox.ConsumerTracing;
import org.concordia.platform.mongo.IdempotentWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code delivery_queue} holds the work still to do ({@code _id} = delivery id: channel, subject, payload, due time,
 * trace, lease); it is written once when a delivery is arranged and stays small since done work leaves it.
 * {@code delivery_claims} ({@code _id} = delivery id: owner, lease end) makes claiming atomic with nothing but
 * {@code _id}s: an instance claims a batch with one unordered {@code insertMany}, and the claims whose insert
 * succeeded are its own (the embedded store scans for any filter but {@code _id}, so a conditional update per
 * delivery would scan the queue each time); claims are removed when their outcome is recorded, expired ones at the
 * start of each claim. {@code deliveries} holds the record of each delivery attempted ({@code _id} = the same id:
 * status, attempts, last error), written before the queue entry leaves, so that a repeated arrangement of a sent
 * delivery is recognised when claimed and dropped. A delivery queued and not yet attempted is read from the queue.
 */
@Repository
class MongoDeliveries implements Deliveries {

    static final String DELIVERIES = "deliveries";
    static final String QUEUE = "delivery_queue";
    static final String CLAIMS = "delivery_claims";

    /** The channel of a queue entry listing e-mails due together. */
    static final String LIST = "email-list";

    /** How many due entries one claim looks at per delivery it wants, so that instances spread over the queue. */
    private static final int CANDIDATES = 3;

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> claims;
    private final ConsumerTracing tracing;

    MongoDeliveries(MongoTemplate mongo, ConsumerTracing tracing) {
        this.tracing = tracing;
        deliveries = mongo.getCollection(DELIVERIES);
        queue = mongo.getCollection(QUEUE);
        claims = mongo.getCollection(CLAIMS);
        queue.createIndex(Indexes.ascending("dueAt"));
        deliveries.createIndex(Indexes.ascending("status"));
        claims.createIndex(Indexes.ascending("until"));
    }

    @Override
    public void arrange(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, String> trace = tracing.current();
        // one insertMany per batch; an entry queued before (same id) stays as it is
        List<Document> work = new ArrayList<>();
        List<Document> records = new ArrayList<>();
        // the e-mails of a fan-out's batch due together: one entry listing them, expanded when claimed
        Map<DueTogether, List<Delivery>> listed = new LinkedHashMap<>();
        for (Delivery d : batch) {
            Map<String, String> its = d.trace().isEmpty() ? trace : d.trace();
            if (listable(d)) {
                listed.computeIfAbsent(new DueTogether(d.dueAt(), its), k -> new ArrayList<>())
                        .add(d);
            } else if (Delivery.PENDING.equals(d.status())) {
                work.add(document(d, its));
            } else {
                records.add(document(d, its));
            }
        }
        listed.forEach((due, emails) ->
                work.add(emails.size() == 1 ? document(emails.get(0), due.trace()) : list(emails, due.trace())));
        insertIgnoringDuplicates(queue, work);
        insertIgnoringDuplicates(deliveries, records);
    }

    /** What the e-mails of one list share: their due time and the trace that arranged them. */
    private record DueTogether(Instant dueAt, Map<String, String> trace) {}

    /** An e-mail never attempted, built from its notification: it can wait in a list with others due with it. */
    private static boolean listable(Delivery d) {
        return Delivery.EMAIL.equals(d.channel())
                && Delivery.PENDING.equals(d.status())
                && d.attempts() == 0
                && d.payload() == null;
    }

    /**
     * One queue entry for e-mails due together ({@code _id} from the first and last of them and their number; the
     * notification ids in {@code ids}). Claiming it puts each e-mail's own entry into the queue, whose deterministic
     * ids and records keep a repeated list from sending anything twice.
     */
    private static Document list(List<Delivery> emails, Map<String, String> trace) {
        Document document = new Document(
                        "_id",
                        LIST + ":" + emails.get(0).subject() + ":"
                                + emails.get(emails.size() - 1).subject() + ":" + emails.size())
                .append("channel", LIST)
                .append("status", Delivery.PENDING)
                .append("dueAt", Date.from(emails.get(0).dueAt()))
                .append("ids", emails.stream().map(Delivery::subject).toList());
        if (!trace.isEmpty()) {
            document.append("trace", new Document(new LinkedHashMap<>(trace)));
        }
        return document;
    }

    /** The e-mails a claimed list holds, each as its own queue entry, due when the list was. */
    private static List<Document> expanded(Document list) {
        Map<String, String> trace = new LinkedHashMap<>();
        if (list.get("trace") instanceof Document stored) {
            stored.forEach((k, v) -> trace.put(k, String.valueOf(v)));
        }
        Instant due = instant(list.getDate("dueAt"));
        List<Document> entries = new ArrayList<>();
        for (String notificationId : list.getList("ids", String.class, List.of())) {
            entries.add(document(Delivery.email(notificationId, due), trace));
        }
        return entries;
    }

    private static Document document(Delivery d, Map<String, String> trace) {
        // what a delivery lacks is left out, not stored as null: a fan-out writes one of these per recipient
        Document document = new Document("_id", d.id())
                .append("channel", d.channel())
                .append("subject", d.subject())
                .append("status", d.status())
                .append("attempts", d.attempts())
                .append("dueAt", Date.from(d.dueAt()));
        if (d.payload() != null) {
            document.append("payload", d.payload());
        }
        if (d.lastError() != null) {
            document.append("lastError", d.lastError());
        }
        if (d.sentAt() != null) {
            document.append("sentAt", Date.from(d.sentAt()));
        }
        if (!trace.isEmpty()) {
            document.append("trace", new Document(new LinkedHashMap<>(trace)));
        }
        return document;
    }

    /** @return the ids of the documents that were there already */
    private static Set<String> insertIgnoringDuplicates(
            MongoCollection<Document> collection, List<Document> documents) {
        Set<String> existing = new HashSet<>();
        for (int position : IdempotentWrites.insertNew(collection, documents)) {
            existing.add(documents.get(position).getString("_id"));
        }
        return existing;
    }

    @Override
    public Claim claim(Instant now, Duration lease, String owner, int limit) {
        // a claim that only found lists of e-mails looks again, at the e-mails they held
        for (int look = 0; ; look++) {
            Claimed claimed = claimOnce(now, lease, owner, limit);
            if (!claimed.claim().isEmpty() || claimed.lists() == 0 || look == 2) {
                return claimed.claim();
            }
        }
    }

    private record Claimed(Claim claim, int lists) {}

    private Claimed claimOnce(Instant now, Duration lease, String owner, int limit) {
        Date at = Date.from(now);
        Date until = Date.from(now.plus(lease));
        // claims whose lease ran out are free again (the collection holds only the work in hand: a small scan)
        claims.deleteMany(Filters.lt("until", at));
        // one look at the queue (a scan on the embedded store, once per batch), the due entries no lease holds
        List<String> candidates = new ArrayList<>();
        for (Document entry : queue.find(Filters.and(
                        Filters.lte("dueAt", at),
                        Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", at))))
                .sort(Sorts.ascending("dueAt"))
                .limit(limit * CANDIDATES)
                .projection(new Document("_id", 1))) {
            candidates.add(entry.getString("_id"));
        }
        if (candidates.isEmpty()) {
            return new Claimed(new Claim(List.of(), List.of()), 0);
        }
        // instances looking at the same queue start from different places
        Collections.shuffle(candidates);
        List<String> wanted = candidates.subList(0, Math.min(limit, candidates.size()));
        List<Document> claiming = new ArrayList<>(wanted.size());
        for (String id : wanted) {
            claiming.add(new Document("_id", id).append("owner", owner).append("until", until));
        }
        Set<String> takenByOthers = insertIgnoringDuplicates(claims, claiming);
        List<String> claimed =
                wanted.stream().filter(id -> !takenByOthers.contains(id)).toList();
        if (claimed.isEmpty()) {
            return new Claimed(new Claim(List.of(), List.of()), 0);
        }
        queue.updateMany(
                Filters.in("_id", claimed),
                Updates.combine(Updates.set("leaseUntil", until), Updates.set("owner", owner)));
        // read again once claimed: another instance may have finished some meanwhile
        Map<String, Document> entries = byId(queue, claimed);
        Map<String, Document> records = byId(deliveries, claimed);
        List<Delivery> due = new ArrayList<>();
        List<Delivery> interrupted = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<Document> listedEmails = new ArrayList<>();
        for (String id : claimed) {
            Document entry = entries.get(id);
            if (entry != null && LIST.equals(entry.getString("channel"))) {
                lists.add(id);
                listedEmails.addAll(expanded(entry));
                continue;
            }
            Document record = records.get(id);
            if (entry == null || (record != null && !Delivery.PENDING.equals(record.getString("status")))) {
                // done already: the entry is a leftover of a repeated arrangement, or gone
                leftovers.add(id);
                continue;
            }
            Delivery delivery = delivery(record != null ? merged(entry, record) : entry);
            if (entry.get("sending") != null) {
                interrupted.add(delivery);
            } else {
                due.add(delivery);
            }
        }
        if (!lists.isEmpty()) {
            // each e-mail's entry first, then the list leaves: a claim that dies between the two expands it again
            insertIgnoringDuplicates(queue, listedEmails);
            leftovers.addAll(lists);
        }
        if (!leftovers.isEmpty()) {
            queue.deleteMany(Filters.in("_id", leftovers));
            claims.deleteMany(Filters.in("_id", leftovers));
        }
        return new Claimed(new Claim(due, interrupted), lists.size());
    }

    /** The record's state with the entry's trace (records written before traces were kept have none). */
    private static Document merged(Document entry, Document record) {
        Document merged = new Document(record);
        if (merged.get("trace") == null && entry.get("trace") != null) {
            merged.put("trace", entry.get("trace"));
        }
        return merged;
    }

    private static Map<String, Document> byId(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    @Override
    public void sending(List<Delivery> claimed, Instant now) {
        if (!claimed.isEmpty()) {
            queue.updateMany(
                    Filters.in("_id", claimed.stream().map(Delivery::id).toList()),
                    Updates.set("sending", Date.from(now)));
        }
    }

    @Override
    public void settle(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // first the records (so that a leftover queue entry is recognised as done), then the queue, then the claims
        List<WriteModel<Document>> records = new ArrayList<>(outcomes.size());
        List<WriteModel<Document>> retries = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (Outcome o : outcomes) {
            Delivery d = o.delivery();
            Date dueAt = Date.from(o.retryAt() != null ? o.retryAt() : d.dueAt());
            List<Bson> changes = new ArrayList<>(List.of(
                    Updates.set("channel", d.channel()),
                    Updates.set("subject", d.subject()),
                    Updates.set("payload", d.payload()),
                    Updates.set("status", o.status()),
                    Updates.set("attempts", o.attempts()),
                    Updates.set("dueAt", dueAt)));
            if (o.lastError() != null) {
                changes.add(Updates.set("lastError", o.lastError()));
            }
            if (Delivery.SENT.equals(o.status())) {
                changes.add(Updates.set("sentAt", Date.from(o.at())));
            }
            if (!d.trace().isEmpty()) {
                changes.add(Updates.set("trace", new Document(new LinkedHashMap<>(d.trace()))));
            }
            records.add(new UpdateOneModel<>(
                    Filters.eq("_id", d.id()), Updates.combine(changes), new UpdateOptions().upsert(true)));
            if (Delivery.PENDING.equals(o.status())) {
                retries.add(new UpdateOneModel<>(
                        Filters.eq("_id", d.id()),
                        Updates.combine(
                                Updates.set("dueAt", dueAt),
                                Updates.unset("leaseUntil"),
                                Updates.unset("owner"),
                                Updates.unset("sending"))));
            } else {
                done.add(d.id());
            }
        }
        deliveries.bulkWrite(records, new BulkWriteOptions().ordered(false));
        if (!retries.isEmpty()) {
            queue.bulkWrite(retries, new BulkWriteOptions().ordered(false));
        }
        if (!done.isEmpty()) {
            queue.deleteMany(Filters.in("_id", done));
        }
        claims.deleteMany(
                Filters.in("_id", outcomes.stream().map(o -> o.delivery().id()).toList()));
    }

    @Override
    public Optional<Delivery> find(String id) {
        Document record = deliveries.find(Filters.eq("_id", id)).first();
        if (record == null) {
            record = queue.find(Filters.eq("_id", id)).first();
        }
        return Optional.ofNullable(record).map(MongoDeliveries::delivery);
    }

    @Override
    public List<Delivery> failures(int offset, int limit) {
        List<Delivery> failures = new ArrayList<>();
        deliveries
                .find(Filters.eq("status", Delivery.FAILED))
                .sort(Sorts.ascending("_id"))
                .skip(offset)
                .limit(limit)
                .forEach(d -> failures.add(delivery(d)));
        return failures;
    }

    @Override
    public long failureCount() {
        return deliveries.countDocuments(Filters.eq("status", Delivery.FAILED));
    }

    @Override
    public boolean retry(String id, Instant now) {
        // read by _id, decide, write by _id: a filter on the status would scan every delivery on the embedded store
        Document record = deliveries.find(Filters.eq("_id", id)).first();
        if (record == null || !Delivery.FAILED.equals(record.getString("status"))) {
            return false;
        }
        deliveries.updateOne(
                Filters.eq("_id", id),
                Updates.combine(Updates.set("status", Delivery.PENDING), Updates.set("dueAt", Date.from(now))));
        record.put("status", Delivery.PENDING);
        record.put("dueAt", Date.from(now));
        insertIgnoringDuplicates(queue, List.of(record));
        return true;
    }

    private static Delivery delivery(Document d) {
        Map<String, String> trace = new LinkedHashMap<>();
        if (d.get("trace") instanceof Document stored) {
            stored.forEach((k, v) -> trace.put(k, String.valueOf(v)));
        }
        return new Delivery(
                d.getString("_id"),
                d.getString("channel"),
                d.getString("subject"),
                d.getString("payload"),
                d.getString("status"),
                d.getInteger("attempts", 0),
                d.getString("lastError"),
                instant(d.getDate("dueAt")),
                d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant(),
                trace);
    }

    private static Instant instant(@Nullable Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
