package org.concordia.notification.announcement.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.concordia.notification.announcement.Outcomes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what the fan-out and the deliveries recorded for an announcement. Notification and delivery ids begin with
 * the source id, so each query is an anchored prefix of {@code _id} (an index range on MongoDB); whether an
 * inbox item was read is looked up in its bucket, a batch of buckets with one {@code _id $in}.
 */
@Repository
class MongoOutcomes implements Outcomes {

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> deliveries;

    MongoOutcomes(MongoTemplate mongo) {
        notifications = mongo.getCollection("notifications");
        buckets = mongo.getCollection("inbox_buckets");
        deliveries = mongo.getCollection("deliveries");
    }

    @Override
    public void told(String sourceId, String purpose, int batchSize, Consumer<List<Told>> batch) {
        Pattern ids = Pattern.compile("^" + literal(sourceId + ":") + "[^:]+:" + literal(purpose) + "$");
        List<Document> pending = new ArrayList<>(batchSize);
        try (MongoCursor<Document> cursor = notifications
                .find(Filters.regex("_id", ids))
                .projection(Projections.include("personId", "inApp", "bucket"))
                .batchSize(batchSize)
                .iterator()) {
            while (cursor.hasNext()) {
                pending.add(cursor.next());
                if (pending.size() >= batchSize) {
                    batch.accept(withRead(pending));
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty()) {
            batch.accept(withRead(pending));
        }
    }

    private List<Told> withRead(List<Document> found) {
        Set<String> bucketIds = new HashSet<>();
        for (Document n : found) {
            if (n.get("bucket") instanceof Number bucket) {
                bucketIds.add(n.getString("personId") + ":" + bucket.longValue());
            }
        }
        Set<String> read = new HashSet<>();
        if (!bucketIds.isEmpty()) {
            for (Document bucket : buckets.find(Filters.in("_id", bucketIds))) {
                for (Document item : bucket.getList("items", Document.class, List.of())) {
                    if (item.getBoolean("read", false)) {
                        read.add(item.getString("id"));
                    }
                }
            }
        }
        return found.stream()
                .map(n -> new Told(
                        n.getString("personId"), n.getBoolean("inApp", true), read.contains(n.getString("_id"))))
                .toList();
    }

    @Override
    public List<Sent> deliveries(String sourceId, String purpose) {
        String source = literal(sourceId + ":");
        Pattern ids = Pattern.compile("^" + source + "[^:]+:(" + literal(purpose + ":email") + "|webhook)$");
        Map<String, Long> counts = new HashMap<>();
        for (Document d :
                deliveries.find(Filters.regex("_id", ids)).projection(Projections.include("channel", "status"))) {
            counts.merge(d.getString("channel") + "|" + d.getString("status"), 1L, Long::sum);
        }
        List<Sent> sent = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|", 2);
            sent.add(new Sent(parts[0], parts[1], count));
        });
        return sent;
    }

    /** The text as a regular expression matching itself, without \\Q, so that MongoDB sees a plain prefix. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ':' && c != '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public long count(String sourcePrefix, String purpose) {
        Pattern ids = Pattern.compile("^" + literal(sourcePrefix) + ".*:" + literal(purpose) + "$");
        return notifications.countDocuments(Filters.regex("_id", ids));
    }
}
