package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.embedded.KraftBroker;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;

/**
 * E-mail delivery of notification-service as built ({@code notification-service/target/notification-service.jar}, or
 * {@code -Dservice.jar}), with {@code -Dmail.queued} (20,000) e-mails queued: an organization of that many members
 * is written straight into the service's read model, one meeting is fanned out to it by an instance whose delivery is
 * paused, and a second instance, with delivery running, sends the queue to an SMTP catcher in this JVM. The rate is
 * measured from the first message the catcher receives to the last (at most {@code -Dmail.seconds}, 120), beside raw
 * SMTP over one connection to the same catcher; the raw store rows of the same run are DeliveryBenchmark's.
 */
final class MailSending {

    private static final EventJson JSON = new EventJson();

    private final KraftBroker kafka;
    private final MongoClient client;
    private final String mongoUri;
    private final int queued;

    MailSending(KraftBroker kafka, MongoClient client, String mongoUri, int queued) {
        this.kafka = kafka;
        this.client = client;
        this.mongoUri = mongoUri;
        this.queued = queued;
    }

    List<String[]> measure(double rawInsertOne) throws Exception {
        Path jar = Path.of(System.getProperty(
                "service.jar",
                Path.of(System.getProperty("concordia.home", "."), "notification-service", "target")
                        .resolve("notification-service.jar")
                        .toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: ./mvnw -B -DskipTests package -pl notification-service,benchmarks -am");
        }
        int seconds = Integer.getInteger("mail.seconds", 120);
        List<String[]> rows = new ArrayList<>();
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            MongoDatabase db = client.getDatabase("notification");
            String organization = UUID.randomUUID().toString();
            seed(db, organization, queued);

            // one instance fans the meeting out with its delivery paused: the queue fills
            int port = freePort();
            Process filling = start(jar, port, mail, "3600000");
            try {
                NotificationBenchmark.awaitReady(HttpClient.newHttpClient(), port);
                NotificationBenchmark.awaitAssignment(
                        kafka.bootstrapServers(), List.of("meeting-events"), Duration.ofMinutes(5));
                try (KafkaProducer<String, byte[]> producer = producer()) {
                    publish(producer, meeting(organization));
                }
                await("the fan-out queued " + queued + " e-mails")
                        .atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> queuedEmails(db) >= queued);
            } finally {
                filling.destroy();
                filling.waitFor();
            }

            rows.add(rawSmtp(mail, 2_000));
            int before = mail.getReceivedMessages().length;
            int sendingPort = freePort();
            Process sending = start(jar, sendingPort, mail, "200");
            try {
                // under load the service takes a while to start; the time measured begins with the first e-mail
                NotificationBenchmark.awaitReady(HttpClient.newHttpClient(), sendingPort);
                await("the first e-mail")
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> mail.getReceivedMessages().length > before);
                long first = System.nanoTime();
                long deadline = first + Duration.ofSeconds(seconds).toNanos();
                int received = 1;
                long last = first;
                while (received < queued && System.nanoTime() < deadline) {
                    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
                    int now = mail.getReceivedMessages().length - before;
                    if (now > received) {
                        received = now;
                        last = System.nanoTime();
                    }
                }
                double elapsed = Math.max(1e-3, (last - first) / 1e9);
                double rate = (received - 1) / elapsed;
                rows.add(new String[] {
                    "notification e-mails sent with " + String.format("%,d", queued) + " queued",
                    String.format("%,.0f", rate),
                    String.format(
                            "%,d of %,d received in %.1f s (SMTP to a catcher in this JVM); %.1f %% of raw insertOne"
                                    + " (%,.0f/s)",
                            received, queued, elapsed, 100 * rate / rawInsertOne, rawInsertOne)
                });
            } finally {
                sending.destroy();
                sending.waitFor();
            }
        } finally {
            mail.stop();
        }
        return rows;
    }

    /** The catcher's own pace: messages of a notification's size sent over one SMTP connection. */
    private static String[] rawSmtp(GreenMail mail, int messages) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        String body = "Zaproszono Cię na zgromadzenie ogólne, 14 lipca 2027 15:00. ".repeat(20);
        int before = mail.getReceivedMessages().length;
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < messages; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("bench@concordia.local"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw-" + i + "@example.org"));
                message.setSubject("raw " + i, StandardCharsets.UTF_8.name());
                message.setText(body, StandardCharsets.UTF_8.name());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(1)).until(() -> mail.getReceivedMessages().length >= before + messages);
        return new String[] {
            "raw SMTP, one connection, to the same catcher",
            String.format("%,.0f", messages / seconds),
            messages + " plain messages"
        };
    }

    private Process start(Path jar, int port, GreenMail mail, String pollMillis) throws IOException {
        Path log = Files.createTempFile("delivery-benchmark", ".log");
        System.out.println("notification-service log: " + log);
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.mongodb.uri=" + mongoUri,
                        "--spring.mongodb.database=notification",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--concordia.notification.delivery.poll-millis=" + pollMillis,
                        "--concordia.notification.reminders.poll-millis=3600000",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** An organization and its members, people with a language and a zone, straight into the read model. */
    private static void seed(MongoDatabase db, String organization, int members) {
        db.getCollection("organizations")
                .insertOne(new Document("_id", organization)
                        .append("name", "Związek Miast Polskich")
                        .append("version", 0L));
        String[][] languages = {{"pl", "Europe/Warsaw"}, {"bg", "Europe/Sofia"}, {"en", "Europe/London"}};
        for (int i = 0; i < members; i += 1_000) {
            List<Document> persons = new ArrayList<>();
            List<Document> memberships = new ArrayList<>();
            for (int j = i; j < Math.min(members, i + 1_000); j++) {
                String person = "mail-person-" + j;
                String[] language = languages[j % 3];
                persons.add(new Document("_id", person)
                        .append("name", "Member " + j)
                        .append("email", person + "@example.org")
                        .append("language", language[0])
                        .append("zone", language[1])
                        .append("version", 0L));
                memberships.add(new Document("_id", "mail-membership-" + j)
                        .append("organizationId", organization)
                        .append("personId", person)
                        .append("roles", List.of("member"))
                        .append("active", true));
            }
            db.getCollection("people").insertMany(persons);
            db.getCollection("memberships").insertMany(memberships);
        }
    }

    private static MeetingScheduled meeting(String organization) {
        return Meetings.forMembersOf(
                organization,
                "Zgromadzenie ogólne",
                "https://meet.example.org/zgromadzenie",
                Instant.parse("2027-07-14T13:00:00Z"));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, MeetingScheduled event) throws Exception {
        EventType type = EventCatalogue.of(event.getClass());
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.aggregateId(), JSON.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        producer.send(record).get();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The e-mails waiting in the queue: an entry of its own, or one of a list of those due together. */
    private static long queuedEmails(MongoDatabase db) {
        long emails = 0;
        for (Document entry : db.getCollection("delivery_queue").find().projection(new Document("ids", 1))) {
            emails += entry.get("ids") instanceof List<?> ids ? ids.size() : 1;
        }
        return emails;
    }
}
