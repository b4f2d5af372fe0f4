package org.concordia.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.concordia.testing.security.TestIssuer;

/**
 * The notification benchmark's inboxes: filled straight into the store in the service's storage shape, then read
 * through the service's API as their people would.
 */
final class StoredInboxes {

    private static final int BUCKET_SIZE = 50;

    private static final String ROLES_CHANGED = "concordia.membership.roles-changed.v1";

    private StoredInboxes() {}

    /**
     * A notification document as the service stores it, its text by reference ({@code <sourceId>:text}).
     *
     * @param person the person's read-model document: {@code _id}, {@code name}, {@code email}, {@code zone}
     */
    static Document notification(
            String id,
            String sourceId,
            String type,
            String purpose,
            String category,
            Document person,
            Date createdAt,
            long bucket) {
        return new Document("_id", id)
                .append("sourceId", sourceId)
                .append("type", type)
                .append("purpose", purpose)
                .append("category", category)
                .append("transactional", false)
                .append("personId", person.getString("_id"))
                .append("name", person.getString("name"))
                .append("email", person.getString("email"))
                .append("zone", person.getString("zone"))
                .append("text", sourceId + ":text")
                .append("inApp", true)
                .append("createdAt", createdAt)
                .append("bucket", bucket);
    }

    /** An inbox item as a bucket holds it, unread. */
    static Document item(String id, String type, String category, String title, String body, String reason, Date at) {
        return new Document("id", id)
                .append("type", type)
                .append("category", category)
                .append("title", title)
                .append("body", body)
                .append("reason", reason)
                .append("at", at)
                .append("read", false);
    }

    /** A bucket of a person's inbox, {@code _id} {@code <personId>:<n>}, with its counts. */
    static Document bucket(String personId, long n, List<Document> items) {
        long unread = items.stream().filter(item -> !item.getBoolean("read")).count();
        return new Document("_id", personId + ":" + n)
                .append("items", items)
                .append("unread", unread)
                .append("size", items.size())
                .append("personId", personId);
    }

    /** Whether the person's newest bucket holds the notification of the event. */
    static boolean inInbox(MongoDatabase db, String person, String eventId) {
        Document top = db.getCollection("inbox_summaries")
                .find(new Document("_id", person))
                .first();
        long bucket = top == null ? 0 : ((Number) top.get("top")).longValue();
        Document newest = db.getCollection("inbox_buckets")
                .find(new Document("_id", person + ":" + bucket))
                .first();
        return newest != null
                && newest.getList("items", Document.class).stream()
                        .anyMatch(item -> item.getString("id").startsWith(eventId + ":"));
    }

    /**
     * {@code total} notifications for people who have {@code perPerson} each, inserted with {@code insertMany} in the
     * service's storage shape: the notification documents with the texts they share (one per event), full buckets of
     * 50 inbox items (the older half read), and each person's newest bucket number.
     *
     * @return the people
     */
    static List<String> fill(MongoDatabase db, long total, int perPerson) {
        MongoCollection<Document> notifications = db.getCollection("notifications");
        MongoCollection<Document> buckets = db.getCollection("inbox_buckets");
        MongoCollection<Document> summaries = db.getCollection("inbox_summaries");
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        String title = "Zaproszenie: Partner coordination meeting";
        String body = "Katarzyna Nowak zaprasza Cię na Partner coordination w dniu wt., 14 lip 2026 15:00"
                + " (czas środkowoeuropejski letni).";
        String reason = "Jesteś członkiem Stowarzyszenie Solidarności Globalnej.";
        List<Document> texts = new ArrayList<>(perPerson);
        for (int i = 0; i < perPerson; i++) {
            texts.add(new Document("_id", "event-" + i + ":text")
                    .append("language", "pl")
                    .append("title", title)
                    .append("body", body)
                    .append("reason", reason));
        }
        db.getCollection("notification_texts").insertMany(texts, unordered);
        List<String> readers = new ArrayList<>();
        List<Document> documents = new ArrayList<>(1_000);
        List<Document> filled = new ArrayList<>();
        List<Document> tops = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int p = 0; (long) p * perPerson < total; p++) {
            String person = "reader-" + p;
            readers.add(person);
            List<Document> items = new ArrayList<>(BUCKET_SIZE);
            long bucket = 0;
            for (int i = 0; i < perPerson; i++) {
                String id = "event-" + i + ":" + person + ":member";
                Date created = Date.from(at.plusSeconds(60L * i));
                documents.add(notification(
                        id,
                        "event-" + i,
                        ROLES_CHANGED,
                        "member",
                        "organizations",
                        new Document("_id", person)
                                .append("name", "Reader " + p)
                                .append("email", person + "@example.org")
                                .append("zone", "Europe/Warsaw"),
                        created,
                        bucket));
                items.add(item(id, ROLES_CHANGED, "organizations", title, body, reason, created)
                        .append("read", i < perPerson / 2));
                if (items.size() == BUCKET_SIZE || i == perPerson - 1) {
                    filled.add(bucket(person, bucket, items));
                    items = new ArrayList<>(BUCKET_SIZE);
                    bucket++;
                }
                if (documents.size() == 1_000) {
                    notifications.insertMany(documents, unordered);
                    documents = new ArrayList<>(1_000);
                }
            }
            if (bucket > 1) {
                tops.add(new Document("_id", person).append("top", bucket - 1));
            }
            if (filled.size() >= 100) {
                buckets.insertMany(filled, unordered);
                filled = new ArrayList<>();
            }
            if (tops.size() >= 1_000) {
                summaries.insertMany(tops, unordered);
                tops = new ArrayList<>();
            }
        }
        if (!documents.isEmpty()) {
            notifications.insertMany(documents, unordered);
        }
        if (!filled.isEmpty()) {
            buckets.insertMany(filled, unordered);
        }
        if (!tops.isEmpty()) {
            summaries.insertMany(tops, unordered);
        }
        return readers;
    }

    /**
     * {@code reads} requests of the path for people chosen at random, each as that person, after as many unmeasured
     * ones (the service's read path compiled, as in a service that has been answering).
     *
     * @return p50 and p99 in milliseconds
     */
    static double[] reads(HttpClient http, int port, List<String> people, String path, int reads) throws Exception {
        Random random = new Random(7);
        Supplier<HttpRequest> request = () -> {
            String person = people.get(random.nextInt(people.size()));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people/" + person + path))
                    .header(
                            "Authorization",
                            "Bearer " + TestIssuer.get().person(person).sign())
                    .build();
        };
        return percentiles(http, request, reads);
    }

    /**
     * The service's liveness probe (no token, no store), read the same way and as often as the inbox: what HTTP, the
     * service's filters and the machine cost a request.
     *
     * @return p50 and p99 in milliseconds
     */
    static double[] floor(HttpClient http, int port, int reads) throws Exception {
        HttpRequest liveness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .build();
        return percentiles(http, () -> liveness, reads);
    }

    private static double[] percentiles(HttpClient http, Supplier<HttpRequest> requests, int reads) throws Exception {
        timed(http, requests, reads);
        double[] millis = timed(http, requests, reads);
        Arrays.sort(millis);
        return new double[] {millis[reads / 2], millis[(int) (reads * 0.99)]};
    }

    /** With {@code -Dreads.trace=true}, each read slower than 15 ms is printed with the moment it ended. */
    private static double[] timed(HttpClient http, Supplier<HttpRequest> requests, int reads) throws Exception {
        boolean trace = Boolean.getBoolean("reads.trace");
        double[] millis = new double[reads];
        for (int i = 0; i < reads; i++) {
            HttpRequest request = requests.get();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
            }
            if (trace && millis[i] > 15) {
                System.out.printf(
                        "slow read %s %s %.1f ms%n",
                        Instant.now(), request.uri().getPath(), millis[i]);
            }
        }
        return millis;
    }
}
