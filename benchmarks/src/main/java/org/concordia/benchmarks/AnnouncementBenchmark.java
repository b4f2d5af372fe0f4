package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.concordia.testing.security.TestIssuer;

/**
 * Measures notification-service's announcements, as built ({@code notification-service/target/notification-service.jar},
 * run as a child process), next to the raw store of the same run: the raw {@code insertMany} rate, then one
 * announcement written over HTTP to an organization of {@code -Dfanout.recipients} (100,000) members in three
 * languages, from the request until its fan-out has finished (the processed mark of its {@code AnnouncementPublished}
 * on {@code announcement-events}) and the last inbox has it. The figure includes the outbox write, the relay's
 * publication and the consumer, so it compares with the meeting fan-out of {@code NotificationBenchmark}.
 *
 * <p>The audience is seeded straight into the service's read model with {@code insertMany}; e-mail delivery is
 * paused, so the figures are the fan-out's, send intents included.
 */
public final class AnnouncementBenchmark {

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("fanout.recipients", 100_000);
        Path jar = Path.of(
                System.getProperty("concordia.home", "."),
                "notification-service",
                "target",
                "notification-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: ./mvnw -B -DskipTests package -pl notification-service -am");
        }
        System.out.printf(
                "Concordia announcement benchmark on %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        try (KraftBroker kafka = KraftBroker.start(0, 6, Map.of());
                WireProtocolMongo mongoServer = WireProtocolMongo.start(0);
                MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            double raw = rawInsertMany(client, 100_000);
            rows.add(String.format(
                    "%-62s %12.0f /s", "raw MongoDB insertMany (1,000 per batch, notification-sized)", raw));
            System.out.println(rows.get(0));

            // seeded before the service starts: the embedded store does not take concurrent writes to one collection
            MongoDatabase db = client.getDatabase("notification");
            String organization = UUID.randomUUID().toString();
            String coordinator = "coordinator";
            List<String> people = seed(db, organization, coordinator, recipients);
            int port = freePort();
            Process service = NotificationBenchmark.start(
                    "announcement-benchmark", jar, port, mongoServer.connectionString(), kafka.bootstrapServers());
            try {
                HttpClient http = HttpClient.newHttpClient();
                NotificationBenchmark.awaitReady(http, port);
                NotificationBenchmark.awaitAssignment(
                        kafka.bootstrapServers(), List.of("announcement-events"), Duration.ofMinutes(5));

                long start = System.nanoTime();
                HttpResponse<String> written = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations/"
                                        + organization + "/announcements"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + TestIssuer.get()
                                                        .person(coordinator)
                                                        .member(organization, "coordinator")
                                                        .sign())
                                .POST(HttpRequest.BodyPublishers.ofString(announcement(coordinator, organization)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (written.statusCode() != 201) {
                    throw new IllegalStateException("The announcement was refused: " + written.body());
                }
                awaitFannedOut(db, Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                // the person's first notification: their first bucket
                long inLastInbox = db.getCollection("inbox_buckets")
                        .countDocuments(new Document("_id", people.get(people.size() - 1) + ":0"));
                rows.add(String.format(
                        "%-62s %12.0f /s  (%d recipients in %.1f s, last inbox has it: %s; %.0f%% of raw)",
                        "announcement fan-out to an organization (bg, pl, en)",
                        recipients / seconds,
                        recipients,
                        seconds,
                        inLastInbox == 1 ? "yes" : "no",
                        100 * recipients / seconds / raw));
                System.out.println(rows.get(1));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
        System.out.println();
        System.out.println("Summary");
        rows.forEach(System.out::println);
    }

    private static String announcement(String author, String organization) {
        return """
                {"authorPersonId": "%s",
                 "texts": [
                   {"language": "bg", "subject": "Семинар за общински съветници",
                    "body": "Уважаеми колеги, **семинарът** за общински съветници е в Пловдив."},
                   {"language": "pl", "subject": "Seminarium dla radnych",
                    "body": "Drodzy koledzy, **seminarium** dla radnych odbędzie się w Płowdiwie."},
                   {"language": "en", "subject": "Councillors' seminar",
                    "body": "Dear colleagues, the councillors' **seminar** takes place in Plovdiv."}],
                 "targets": [{"kind": "organization_members", "organizationId": "%s", "roles": []}],
                 "timeZone": "Europe/Sofia"}
                """.formatted(author, organization);
    }

    private static Document notificationLike(String id) {
        return new Document("_id", id)
                .append("personId", UUID.randomUUID().toString())
                .append("title", "Seminarium dla radnych")
                .append("body", "Drodzy koledzy, seminarium dla radnych odbędzie się w Płowdiwie.")
                .append("reason", "Jesteś członkiem Network of municipalities.")
                .append("createdAt", new Date());
    }

    private static double rawInsertMany(MongoClient client, int documents) {
        MongoCollection<Document> collection = client.getDatabase("baseline").getCollection("bulk");
        long start = System.nanoTime();
        for (int i = 0; i < documents; i += 1_000) {
            List<Document> batch = new ArrayList<>(1_000);
            for (int j = 0; j < 1_000; j++) {
                batch.add(notificationLike("n" + (i + j)));
            }
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    /** The organization, its coordinator and its members, with their languages and zones, into the read model. */
    private static List<String> seed(MongoDatabase db, String organization, String coordinator, int members) {
        db.getCollection("organizations")
                .insertOne(new Document("_id", organization)
                        .append("name", "Network of municipalities")
                        .append("country", "BG")
                        .append("languages", List.of("bg", "en"))
                        .append("version", 0L));
        db.getCollection("people")
                .insertOne(new Document("_id", coordinator)
                        .append("name", "Мария Иванова")
                        .append("email", "coordinator@example.org")
                        .append("language", "bg")
                        .append("zone", "Europe/Sofia")
                        .append("version", 0L));
        db.getCollection("memberships")
                .insertOne(new Document("_id", "membership-coordinator")
                        .append("organizationId", organization)
                        .append("personId", coordinator)
                        .append("roles", List.of("coordinator"))
                        .append("active", true));
        String[][] languages = {{"pl", "Europe/Warsaw"}, {"bg", "Europe/Sofia"}, {"en", "Europe/London"}};
        List<String> people = new ArrayList<>(members);
        for (int i = 0; i < members; i += 1_000) {
            List<Document> persons = new ArrayList<>();
            List<Document> memberships = new ArrayList<>();
            for (int j = i; j < Math.min(members, i + 1_000); j++) {
                String person = "person-" + j;
                String[] language = languages[j % 3];
                people.add(person);
                persons.add(new Document("_id", person)
                        .append("name", "Member " + j)
                        .append("email", person + "@example.org")
                        .append("language", language[0])
                        .append("zone", language[1])
                        .append("version", 0L));
                memberships.add(new Document("_id", "membership-" + j)
                        .append("organizationId", organization)
                        .append("personId", person)
                        .append("roles", List.of("member"))
                        .append("active", true));
            }
            db.getCollection("people").insertMany(persons);
            db.getCollection("memberships").insertMany(memberships);
        }
        return people;
    }

    /** The fan-out consumer's processed mark: written once every batch is in the inboxes. */
    private static void awaitFannedOut(MongoDatabase db, Duration atMost) {
        await("the announcement fanned out")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.getCollection("processed_events")
                                .find(Filters.regex("_id", Pattern.compile("^fanOutAnnouncements:")))
                                .first()
                        != null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
