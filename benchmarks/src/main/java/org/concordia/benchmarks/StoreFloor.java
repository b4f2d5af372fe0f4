package org.concordia.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The store's own share of a fan-out: its round trips timed with no service in between, in batches of 1,000 as the
 * service makes them: the people read by {@code _id $in}, the notification documents and the buckets they start, each
 * with {@code insertMany}, in the service's storage shape. Whatever the service does besides, a fan-out that needs
 * these round trips cannot be faster than they are together.
 */
final class StoreFloor {

    private static final int BATCH = 1_000;
    private static final String SCHEDULED = "concordia.meeting.scheduled.v1";
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private StoreFloor() {}

    /** Rates per recipient, each alone and all together. */
    record Rates(double peopleRead, double notifications, double buckets, double together) {}

    static Rates measure(MongoDatabase db, int recipients) {
        List<String> people = new ArrayList<>(recipients);
        List<Document> persons = new ArrayList<>(BATCH);
        for (int i = 0; i < recipients; i++) {
            String person = "floor-person-" + i;
            people.add(person);
            persons.add(new Document("_id", person)
                    .append("name", "Member " + i)
                    .append("email", person + "@example.org")
                    .append("language", "pl")
                    .append("zone", "Europe/Warsaw")
                    .append("version", 0L));
            if (persons.size() == BATCH) {
                db.getCollection("people").insertMany(persons, UNORDERED);
                persons = new ArrayList<>(BATCH);
            }
        }
        if (!persons.isEmpty()) {
            db.getCollection("people").insertMany(persons, UNORDERED);
        }
        MongoCollection<Document> peopleCollection = db.getCollection("people");
        MongoCollection<Document> notifications = db.getCollection("notifications");
        MongoCollection<Document> buckets = db.getCollection("inbox_buckets");
        Date at = Date.from(Instant.parse("2027-07-01T10:00:00Z"));
        long reading = 0;
        long notifying = 0;
        long bucketing = 0;
        for (int from = 0; from < recipients; from += BATCH) {
            List<String> batch = people.subList(from, Math.min(recipients, from + BATCH));
            long start = System.nanoTime();
            List<Document> read =
                    peopleCollection.find(Filters.in("_id", batch)).into(new ArrayList<>(BATCH));
            reading += System.nanoTime() - start;

            List<Document> documents = new ArrayList<>(read.size());
            List<Document> opened = new ArrayList<>(read.size());
            for (Document person : read) {
                String personId = person.getString("_id");
                String id = "floor-meeting:" + personId + ":invitee";
                documents.add(StoredInboxes.notification(
                        id, "floor-meeting", SCHEDULED, "invitee", "meetings", person, at, 0));
                opened.add(StoredInboxes.bucket(
                        personId,
                        0,
                        List.of(StoredInboxes.item(
                                id,
                                SCHEDULED,
                                "meetings",
                                "Zaproszenie: Assembly",
                                "Network of municipalities zaprasza Cię na spotkanie „Assembly” w dniu śr., 14 lip 2027"
                                        + " 15:00 (czas środkowoeuropejski letni).",
                                "Jesteś członkiem organizacji Network of municipalities.",
                                at))));
            }
            start = System.nanoTime();
            notifications.insertMany(documents, UNORDERED);
            notifying += System.nanoTime() - start;
            start = System.nanoTime();
            buckets.insertMany(opened, UNORDERED);
            bucketing += System.nanoTime() - start;
        }
        // what the service does later runs on a store that holds only its own data
        db.drop();
        return new Rates(
                rate(recipients, reading),
                rate(recipients, notifying),
                rate(recipients, bucketing),
                rate(recipients, reading + notifying + bucketing));
    }

    private static double rate(int recipients, long nanos) {
        return recipients / (nanos / 1e9);
    }
}
