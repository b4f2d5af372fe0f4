package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.security.TestIssuer;

/**
 * Measures notification-service, as built ({@code notification-service/target/notification-service.jar}, run as a
 * child process), next to the raw store of the same run: the raw {@code insertMany} rate; the store's own share of a
 * fan-out, its round trips timed with no service ({@link StoreFloor}); a meeting fanned out to an
 * organization of {@code -Dfanout.recipients} (100,000) members, until the last inbox has it (after one to
 * {@code -Dfanout.warm-up-recipients}, 20,000, unmeasured); event-to-inbox latency at a steady {@code -Dsteady.rate}
 * (1,000) events per second for {@code -Dsteady.seconds} (10), after {@code -Dsteady.warm-up-seconds} (30) of the same
 * unmeasured; inbox page and unread-count latency over HTTP once
 * {@code -Dinbox.notifications} (1,000,000) more are stored (filled straight into the store in the service's storage
 * shape, {@code -Dinbox.per-person} (100) for each reader, then read through the service's API, 2,000 reads after as
 * many to warm up); and the naive design,
 * one insert per recipient.
 *
 * <p>The audience is seeded straight into the service's read model ({@code people}, {@code memberships}) with
 * {@code insertMany}, as replaying 100,000 {@code MemberJoined} events would only measure the seeding. E-mail
 * delivery is paused ({@code delivery.poll-millis}), so the figures are the fan-out's, send intents included.
 */
public final class NotificationBenchmark {

    private static final EventJson JSON = new EventJson();

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("fanout.recipients", 100_000);
        int warmUpRecipients = Integer.getInteger("fanout.warm-up-recipients", 20_000);
        int rate = Integer.getInteger("steady.rate", 1_000);
        int steadySeconds = Integer.getInteger("steady.seconds", 10);
        int warmUpSeconds = Integer.getInteger("steady.warm-up-seconds", 30);
        long stored = Long.getLong("inbox.notifications", 1_000_000);
        int naive = Integer.getInteger("naive.recipients", 20_000);
        int perReader = Integer.getInteger("inbox.per-person", 100);
        Path jar = Path.of(
                System.getProperty("concordia.home", "."),
                "notification-service",
                "target",
                "notification-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: ./mvnw -B -DskipTests package -pl notification-service -am");
        }
        // memory: the tests' store; file: the one ./run-local keeps its data in (H2 MVStore)
        String store = System.getProperty("store", "memory");
        System.out.printf(
                "Concordia notification benchmark on %d cores, Java %s, %s store%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), store);
        System.out.println("the kernel's memory reclaimers: " + Stalls.reclaimers());
        List<String> rows = new ArrayList<>() {
            @Override
            public boolean add(String row) {
                System.out.println(row);
                return super.add(row);
            }
        };
        try (KraftBroker kafka = KraftBroker.start(0, 6, Map.of());
                WireProtocolMongo mongoServer = "file".equals(store)
                        ? WireProtocolMongo.startWithFile(
                                Files.createTempDirectory("notification-benchmark")
                                        .resolve("store.mv.db"),
                                0)
                        : WireProtocolMongo.start(0);
                MongoClient client = MongoClients.create(mongoServer.connectionString());
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            // as many first, unmeasured, into another collection: the store's insert path compiled, as the fan-out
            // later finds it
            rawInsertMany(client.getDatabase("baseline").getCollection("warm-up"), 100_000);
            // the best of three rounds: the first seconds of the JVM move a single round by a factor of two between
            // runs, and the fan-out is compared with the store at its fastest
            double[] rounds = new double[3];
            for (int round = 0; round < rounds.length; round++) {
                rounds[round] = rawInsertMany(client.getDatabase("baseline").getCollection("bulk-" + round), 100_000);
            }
            double raw = Arrays.stream(rounds).max().orElseThrow();
            // the store holds only the service's data in what follows
            client.getDatabase("baseline").drop();
            rows.add(String.format(
                    "%-62s %12.0f /s  (best of %.0f, %.0f, %.0f)",
                    "raw MongoDB insertMany (1,000 per batch, after a warm-up)", raw, rounds[0], rounds[1], rounds[2]));
            // the best of three rounds too, each on a database of its own, dropped once measured
            StoreFloor.Rates alone = null;
            for (int round = 0; round < 3; round++) {
                StoreFloor.Rates measured = StoreFloor.measure(client.getDatabase("floor-" + round), recipients);
                if (alone == null || measured.together() > alone.together()) {
                    alone = measured;
                }
            }
            rows.add(String.format(
                    "%-62s %12.0f /s  (%.0f%% of raw; people read %.0f /s, notifications %.0f /s, buckets %.0f /s)",
                    "the fan-out's round trips alone, no service (best of three)",
                    alone.together(),
                    100 * alone.together() / raw,
                    alone.peopleRead(),
                    alone.notifications(),
                    alone.buckets()));
            double naiveRate = naive(client, naive);
            client.getDatabase("naive").drop();
            rows.add(String.format(
                    "%-62s %12.0f /s  (%d recipients)", "naive fan-out: one insert per recipient", naiveRate, naive));

            // seeded before the service starts: the embedded store does not take concurrent writes to one collection
            MongoDatabase db = client.getDatabase("notification");
            String organization = UUID.randomUUID().toString();
            List<String> people = seed(db, organization, "", recipients);
            // the service's fan-out path is compiled on another organization's meeting first, as the store's insert
            // path is before the raw baseline: the figure is a running service's, not its first event's
            String warmUpOrganization = UUID.randomUUID().toString();
            seed(db, warmUpOrganization, "warm-up-", warmUpRecipients);
            int port = freePort();
            Process service = start(
                    "notification-benchmark", jar, port, mongoServer.connectionString(), kafka.bootstrapServers());
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitReady(http, port);
                awaitAssignment(
                        kafka.bootstrapServers(),
                        List.of("organization-events", "project-events", "meeting-events"),
                        Duration.ofMinutes(5));

                String warmUpMeeting = publish(producer, meeting(warmUpOrganization, 0));
                awaitProcessed(db, "notifyAboutMeetings", warmUpMeeting, Duration.ofMinutes(30));
                System.out.printf("warm-up fan-out to %,d members done%n", warmUpRecipients);

                long fanOutStart = System.nanoTime();
                String first = publish(producer, meeting(organization, 0));
                awaitProcessed(db, "notifyAboutMeetings", first, Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - fanOutStart) / 1e9;
                boolean inLastInbox = StoredInboxes.inInbox(db, people.get(people.size() - 1), first);
                rows.add(String.format(
                        "%-62s %12.0f /s  (%d recipients in %.1f s, last inbox has it: %s; %.0f%% of raw)",
                        "fan-out of one meeting to an organization",
                        recipients / seconds,
                        recipients,
                        seconds,
                        inLastInbox ? "yes" : "no",
                        100 * recipients / seconds / raw));

                // the broker's own latency at the same rate, beside the service's: the floor under it
                double[] floor = RawKafkaLatency.measure(
                        kafka.bootstrapServers(),
                        producer,
                        JSON.write(SteadyRate.roleChange(people.get(0), organization, 0)),
                        rate,
                        steadySeconds);
                rows.add(String.format(
                        "%-62s p50 %6.1f ms  p99 %6.1f ms  (%d records at %d/s)",
                        "raw Kafka latency, send to a plain consumer's poll",
                        floor[0],
                        floor[1],
                        rate * steadySeconds,
                        rate));
                // events first, unmeasured, until the service's steady path is compiled as in a running service
                double[] warmUp = SteadyRate.steady(producer, db, people, organization, rate, warmUpSeconds);
                double[] latency = SteadyRate.steady(producer, db, people, organization, rate, steadySeconds);
                rows.add(String.format(
                        "%-62s p50 %6.1f ms  p99 %6.1f ms  (%d events at %d/s, after %d s to warm up)",
                        "event-to-inbox latency at a steady rate",
                        latency[0],
                        latency[1],
                        (int) latency[2],
                        rate,
                        warmUpSeconds));

                // the inboxes read are filled straight into the store, in the service's storage shape
                long fillStart = System.nanoTime();
                List<String> readers = StoredInboxes.fill(db, stored, perReader);
                System.out.printf(
                        "filled %,d notifications of %,d people in %.1f s%n",
                        stored, readers.size(), (System.nanoTime() - fillStart) / 1e9);
                long notifications = stored + warmUpRecipients + recipients + (long) warmUp[2] + (long) latency[2];
                Stalls stalls = Stalls.watch();
                double[] page = StoredInboxes.reads(http, port, readers, "/notifications?size=20", 2_000);
                double[] count = StoredInboxes.reads(http, port, readers, "/notifications/unread-count", 2_000);
                rows.add(String.format(
                        "%-62s p50 %6.1f ms  p99 %6.1f ms  (%,d notifications stored)",
                        "inbox page (20, newest first) over HTTP", page[0], page[1], notifications));
                rows.add(String.format(
                        "%-62s p50 %6.1f ms  p99 %6.1f ms", "unread count over HTTP", count[0], count[1]));
                double[] probe = StoredInboxes.floor(http, port, 2_000);
                stalls.close();
                rows.add(String.format(
                        "%-62s p50 %6.1f ms  p99 %6.1f ms",
                        "liveness probe over HTTP, the same way (no token, no store)", probe[0], probe[1]));
                rows.add(String.format(
                        "%-62s %s", "pauses of the benchmark JVM or the machine during the reads", stalls.summary()));
                rows.add(String.format("%-62s %s", "the kernel's memory reclaimers", Stalls.reclaimers()));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
        System.out.println();
        System.out.println("Summary");
        rows.forEach(System.out::println);
    }

    private static KafkaProducer<String, byte[]> producer(KraftBroker kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Document notificationLike(String id) {
        return new Document("_id", id)
                .append("personId", UUID.randomUUID().toString())
                .append("title", "Zaproszenie: Partner coordination meeting")
                .append(
                        "body",
                        "Katarzyna Nowak zaprasza Cię na Partner coordination w dniu wt., 14 lip 2026 15:00 (czas środkowoeuropejski letni).")
                .append("reason", "Jesteś członkiem Stowarzyszenie Solidarności Globalnej.")
                .append("createdAt", new Date());
    }

    private static double rawInsertMany(MongoCollection<Document> collection, int documents) {
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

    /** One insert of the notification and one upsert of the inbox counter per recipient. */
    private static double naive(MongoClient client, int recipients) {
        MongoCollection<Document> notifications = client.getDatabase("naive").getCollection("notifications");
        MongoCollection<Document> counters = client.getDatabase("naive").getCollection("counters");
        long start = System.nanoTime();
        for (int i = 0; i < recipients; i++) {
            Document n = notificationLike("e:" + i + ":invitee");
            notifications.insertOne(n);
            counters.updateOne(
                    new Document("_id", n.getString("personId")),
                    new Document("$inc", new Document("unread", 1)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
        return recipients / ((System.nanoTime() - start) / 1e9);
    }

    /** notification-service from its jar against the benchmark's broker and store, its log in a temporary file. */
    static Process start(String benchmark, Path jar, int port, String mongo, String kafka) throws IOException {
        Path log = Files.createTempFile(benchmark, ".log");
        System.out.println("notification-service log: " + log);
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // e.g. -Dservice.jvm-options=-XX:StartFlightRecording=filename=notification.jfr to profile the service
        String options = System.getProperty("service.jvm-options", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.mongodb.uri=" + mongo,
                "--spring.mongodb.database=notification",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--concordia.notification.delivery.poll-millis=3600000",
                "--concordia.notification.reminders.poll-millis=3600000",
                "--concordia.security.issuer-uri=" + TestIssuer.get().issuerUri(),
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits for the service's readiness probe; its consumers may still be joining their group. */
    static void awaitReady(HttpClient http, int port) {
        await("notification-service ready")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://localhost:" + port + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /**
     * Waits until the service's consumer group is stable and its members hold every partition of the topics, so that
     * the first event measured is not waiting for a rebalance.
     */
    static void awaitAssignment(String bootstrap, List<String> topics, Duration atMost) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await("consumer group notification-service holds its partitions")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(200))
                    // topics or group not there yet
                    .ignoreExceptionsInstanceOf(java.util.concurrent.ExecutionException.class)
                    .until(() -> {
                        Set<TopicPartition> wanted = new HashSet<>();
                        admin.describeTopics(topics)
                                .allTopicNames()
                                .get()
                                .forEach((topic, description) -> description
                                        .partitions()
                                        .forEach(p -> wanted.add(new TopicPartition(topic, p.partition()))));
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("notification-service"))
                                .describedGroups()
                                .get("notification-service")
                                .get();
                        Set<TopicPartition> assigned = new HashSet<>();
                        group.members()
                                .forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                        boolean held = group.groupState() == GroupState.STABLE && assigned.containsAll(wanted);
                        if (held) {
                            System.out.printf(
                                    "consumer group notification-service holds all %d partitions%n", wanted.size());
                        }
                        return held;
                    });
        }
    }

    /**
     * An organization and its members, people with a language and a zone, straight into the read model; their ids
     * start with {@code prefix}.
     */
    private static List<String> seed(MongoDatabase db, String organization, String prefix, int members) {
        db.getCollection("organizations")
                .insertOne(new Document("_id", organization)
                        .append("name", "Network of municipalities")
                        .append("version", 0L));
        String[][] languages = {{"pl", "Europe/Warsaw"}, {"bg", "Europe/Sofia"}, {"en", "Europe/London"}};
        List<String> people = new ArrayList<>(members);
        for (int i = 0; i < members; i += 1_000) {
            List<Document> persons = new ArrayList<>();
            List<Document> memberships = new ArrayList<>();
            for (int j = i; j < Math.min(members, i + 1_000); j++) {
                String person = prefix + "person-" + j;
                String[] language = languages[j % 3];
                people.add(person);
                persons.add(new Document("_id", person)
                        .append("name", "Member " + j)
                        .append("email", person + "@example.org")
                        .append("language", language[0])
                        .append("zone", language[1])
                        .append("version", 0L));
                memberships.add(new Document("_id", prefix + "membership-" + j)
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

    private static MeetingScheduled meeting(String organization, int n) {
        return Meetings.forMembersOf(
                organization,
                "Assembly " + n,
                "https://meet.example.org/a",
                Instant.parse("2027-07-14T13:00:00Z").plus(Duration.ofDays(n)));
    }

    static String publish(KafkaProducer<String, byte[]> producer, DomainEvent event) throws Exception {
        EventType type = EventCatalogue.of(event.getClass());
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.aggregateId(), JSON.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        producer.send(record);
        return id;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Document awaitProcessed(MongoDatabase db, String consumer, String id, Duration atMost) {
        return await("event " + id + " processed")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> db.getCollection("processed_events")
                                .find(new Document("_id", consumer + ":" + id))
                                .first(),
                        java.util.Objects::nonNull);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
