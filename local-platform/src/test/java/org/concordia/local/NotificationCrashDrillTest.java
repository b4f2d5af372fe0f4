package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill: notification-service is killed (SIGKILL, the process) in the middle of fanning one meeting out to an
 * organization of 5,000 members ({@code -Ddrill.recipients}), while it is already sending the first batches' e-mails,
 * and started again. The organization and its members are written straight into the service's read model before it
 * starts (as the notification benchmarks do), so that the drill spends its time on the fan-out and the e-mails, not on
 * 10,000 welcomes. It ends with the counts of notifications lost and duplicated, and of e-mails lost and duplicated:
 * all zero. At most one e-mail per notification: an e-mail whose sending the kill interrupted may have gone out, so it
 * is not sent again but listed for operators as interrupted; the drill counts those apart, and an e-mail neither
 * received nor listed is lost.
 */
class NotificationCrashDrillTest {

    private static final int MEMBERS = Integer.getInteger("drill.recipients", 5_000);
    private static final EventJson JSON = new EventJson();

    @TempDir
    Path data;

    private DrillPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void a_fan_out_killed_midway_resumes_where_it_stopped_and_tells_everyone_once() throws Exception {
        platform = DrillPlatform.open("notification-crash", data);
        String organization = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer();
                MongoClient client = platform.mongoClient()) {
            MongoCollection<Document> notifications =
                    client.getDatabase("notification").getCollection("notifications");
            seed(client.getDatabase("notification"), organization);
            long started = System.nanoTime();
            ServiceProcess service = startNotificationService();

            String eventId = publish(producer, meeting(organization));
            producer.flush();
            Document ofTheMeeting = new Document("sourceId", eventId);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> notifications.countDocuments(ofTheMeeting) > 0);
            platform.kill(service);
            long atTheKill = notifications.countDocuments(ofTheMeeting);
            int mailsAtTheKill = platform.mail().getReceivedMessages().length;

            ServiceProcess restarted = startNotificationService();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> distinctRecipients(notifications, ofTheMeeting) >= MEMBERS);
            Set<String> meetingNotifications = new HashSet<>();
            notifications.find(ofTheMeeting).forEach(n -> meetingNotifications.add(n.getString("_id")));
            // The e-mails go out after the inbox: wait until none is left to send (sent, or given up as interrupted).
            MongoCollection<Document> queue = client.getDatabase("notification").getCollection("delivery_queue");
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> queue.countDocuments() == 0);

            long perRecipient = notifications.countDocuments(ofTheMeeting);
            int recipients = distinctRecipients(notifications, ofTheMeeting);
            Map<String, Integer> mails = mailsFor(meetingNotifications);
            Set<String> interrupted = interrupted(client, meetingNotifications);
            long twiceMailed = mails.values().stream().filter(n -> n > 1).count();
            long mailsLost = meetingNotifications.stream()
                    .filter(id -> !mails.containsKey(id) && !interrupted.contains(id))
                    .count();
            long mailedAndInterrupted =
                    interrupted.stream().filter(mails::containsKey).count();
            long inboxSample = sampleInboxes(restarted);
            System.out.printf(
                    "Notification crash drill: %d members; killed with %d of %d meeting notifications written and %d"
                            + " e-mails received; after the restart: %d notifications for %d recipients%n"
                            + "  notifications lost: %d, duplicated: %d%n"
                            + "  e-mails received: %d, lost: %d, duplicated: %d; interrupted by the kill and listed"
                            + " for operators instead of being sent again: %d (of them received before the kill: %d)%n"
                            + "  %d sampled inboxes hold the meeting once; %.0f s from the first start%n",
                    MEMBERS,
                    atTheKill,
                    MEMBERS,
                    mailsAtTheKill,
                    perRecipient,
                    recipients,
                    MEMBERS - recipients,
                    perRecipient - recipients,
                    mails.values().stream().mapToInt(Integer::intValue).sum(),
                    mailsLost,
                    twiceMailed,
                    interrupted.size(),
                    mailedAndInterrupted,
                    inboxSample,
                    (System.nanoTime() - started) / 1e9);
            assertThat(atTheKill).as("killed in the middle of the fan-out").isLessThan(MEMBERS);
            assertThat(recipients).as("recipients told").isEqualTo(MEMBERS);
            assertThat(perRecipient).as("notifications of the meeting").isEqualTo(MEMBERS);
            assertThat(twiceMailed).as("recipients mailed twice").isZero();
            assertThat(mailsLost)
                    .as("e-mails neither sent nor listed as interrupted")
                    .isZero();
        }
    }

    private ServiceProcess startNotificationService() throws InterruptedException {
        ServiceProcess service = platform.start(
                "notification-service",
                null,
                "--concordia.notification.delivery.poll-millis=200",
                // an e-mail claimed by the killed instance is looked at again once its lease is over
                "--concordia.notification.delivery.lease=PT15S",
                // the killed instance's consumer leaves the group after this, not the default 45 s
                "--spring.cloud.stream.kafka.binder.consumer-properties[session.timeout.ms]=6000",
                "--spring.cloud.stream.kafka.binder.consumer-properties[heartbeat.interval.ms]=2000");
        platform.awaitReady(service);
        return service;
    }

    /** The meeting notifications whose e-mail was given up because the kill interrupted its sending. */
    private static Set<String> interrupted(MongoClient client, Set<String> notificationIds) {
        Set<String> interrupted = new HashSet<>();
        client.getDatabase("notification")
                .getCollection("deliveries")
                .find(new Document("status", "failed"))
                .forEach(d -> {
                    String id = d.getString("_id");
                    if (!String.valueOf(d.getString("lastError")).startsWith("Interrupted")) {
                        return;
                    }
                    String notification = id.substring(0, id.length() - ":email".length());
                    if (id.endsWith(":email") && notificationIds.contains(notification)) {
                        interrupted.add(notification);
                    }
                });
        return interrupted;
    }

    private static int distinctRecipients(MongoCollection<Document> notifications, Document filter) {
        Set<String> people = new HashSet<>();
        notifications
                .find(filter)
                .projection(new Document("personId", 1))
                .forEach(n -> people.add(n.getString("personId")));
        return people.size();
    }

    /** Messages received per meeting notification, by the notification id each e-mail names. */
    private Map<String, Integer> mailsFor(Set<String> notificationIds) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : platform.mail().getReceivedMessages()) {
            String[] header = message.getHeader("X-Concordia-Notification");
            if (header != null && notificationIds.contains(header[0])) {
                counts.merge(header[0], 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A hundred members' inboxes through the API, each as its person: the meeting, once. */
    private long sampleInboxes(ServiceProcess service) {
        long right = 0;
        for (int i = 0; i < MEMBERS; i += Math.max(1, MEMBERS / 100)) {
            String person = "drill-person-" + i;
            String body = platform.call(
                            TestIssuer.get().person(person).sign(),
                            service,
                            "GET",
                            "/api/v1/people/" + person + "/notifications/unread-count",
                            null)
                    .body();
            if (body.replace(" ", "").contains("\"total\":1")) {
                right++;
            } else {
                throw new AssertionError(person + ": " + body);
            }
        }
        return right;
    }

    /** An organization and its members, people with a language, a zone and an address, into the read model. */
    private static void seed(MongoDatabase db, String organization) {
        db.getCollection("organizations")
                .insertOne(new Document("_id", organization)
                        .append("name", "Związek Miast Polskich")
                        .append("version", 0L));
        String[][] languages = {{"pl", "Europe/Warsaw"}, {"bg", "Europe/Sofia"}, {"en", "America/New_York"}};
        for (int i = 0; i < MEMBERS; i += 1_000) {
            List<Document> people = new ArrayList<>();
            List<Document> memberships = new ArrayList<>();
            for (int j = i; j < Math.min(MEMBERS, i + 1_000); j++) {
                String[] language = languages[j % languages.length];
                people.add(new Document("_id", "drill-person-" + j)
                        .append("name", "Member " + j)
                        .append("email", "member" + j + "@example.org")
                        .append("language", language[0])
                        .append("zone", language[1])
                        .append("version", 0L));
                memberships.add(new Document("_id", "drill-membership-" + j)
                        .append("organizationId", organization)
                        .append("personId", "drill-person-" + j)
                        .append("roles", List.of("member"))
                        .append("active", true));
            }
            db.getCollection("people").insertMany(people);
            db.getCollection("memberships").insertMany(memberships);
        }
    }

    private static MeetingScheduled meeting(String organization) {
        Instant start = Instant.parse("2027-07-14T13:00:00Z");
        return new MeetingScheduled(
                UUID.randomUUID().toString(),
                "Zgromadzenie ogólne",
                null,
                "drill-organizer",
                "Katarzyna Nowak",
                null,
                "online",
                null,
                "https://meet.example.org/zgromadzenie",
                start,
                start.plusSeconds(7200),
                "Europe/Warsaw",
                null,
                null,
                List.of(),
                List.of(),
                0,
                "k.nowak@example.org",
                organization,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of(new InvitationTarget(
                        InvitationTarget.ORGANIZATION_MEMBERS, null, organization, null, List.of())),
                null,
                List.of(),
                Instant.now());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** As the services' relays publish: a CloudEvent in Kafka's binary mode, keyed by its aggregate. */
    private static String publish(KafkaProducer<String, byte[]> producer, DomainEvent event) {
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
}
