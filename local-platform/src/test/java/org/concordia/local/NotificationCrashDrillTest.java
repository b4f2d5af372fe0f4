package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill: notification-service is killed (SIGKILL, the process) in the middle of fanning one meeting out to an
 * organization of 10,000 members, and started again. It ends with the count of recipients without their
 * notification, with more than one, and with more than one e-mail: all zero.
 */
class NotificationCrashDrillTest {

    private static final int MEMBERS = Integer.getInteger("drill.recipients", 10_000);
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
            publish(
                    producer,
                    new OrganizationRegistered(
                            organization,
                            "Związek Miast Polskich",
                            null,
                            "association_of_municipalities",
                            "PL",
                            "Poznań",
                            null,
                            List.of("pl"),
                            null,
                            null,
                            Instant.now()));
            String[][] languages = {{"pl", "Europe/Warsaw"}, {"bg", "Europe/Sofia"}, {"en", "America/New_York"}};
            for (int i = 0; i < MEMBERS; i++) {
                String[] language = languages[i % languages.length];
                publish(
                        producer,
                        new MemberJoined(
                                "drill-membership-" + i,
                                organization,
                                "Związek Miast Polskich",
                                "drill-person-" + i,
                                "Member " + i,
                                "member" + i + "@example.org",
                                language[0],
                                language[1],
                                List.of("member"),
                                null,
                                null,
                                Instant.now()));
            }
            producer.flush();

            ServiceProcess service = startNotificationService();
            // Every member has their welcome first: the read model is complete before the meeting arrives.
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> notifications.countDocuments() >= MEMBERS);

            String eventId = publish(producer, meeting(organization));
            producer.flush();
            Document ofTheMeeting = new Document("sourceId", eventId);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> notifications.countDocuments(ofTheMeeting) > 0);
            platform.kill(service);
            long atTheKill = notifications.countDocuments(ofTheMeeting);
            int mailsAtTheKill = platform.mail().getReceivedMessages().length;

            ServiceProcess restarted = startNotificationService();
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> distinctRecipients(notifications, ofTheMeeting) >= MEMBERS);
            Set<String> meetingNotifications = new HashSet<>();
            notifications.find(ofTheMeeting).forEach(n -> meetingNotifications.add(n.getString("_id")));
            // The e-mails go out after the inbox; wait until every meeting notification has had its chance.
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> mailsFor(meetingNotifications).size() >= MEMBERS);

            long perRecipient = notifications.countDocuments(ofTheMeeting);
            int recipients = distinctRecipients(notifications, ofTheMeeting);
            Map<String, Integer> mails = mailsFor(meetingNotifications);
            long twiceMailed = mails.values().stream().filter(n -> n > 1).count();
            long inboxSample = sampleInboxes(restarted);
            System.out.printf(
                    "Notification crash drill: %d members; killed with %d of %d notifications written and %d e-mails"
                            + " sent; after the restart: %d notifications for %d recipients (missing %d, duplicated"
                            + " %d), %d e-mails (recipients mailed twice: %d); %d sampled inboxes hold it once%n",
                    MEMBERS,
                    atTheKill,
                    MEMBERS,
                    mailsAtTheKill,
                    perRecipient,
                    recipients,
                    MEMBERS - recipients,
                    perRecipient - recipients,
                    mails.values().stream().mapToInt(Integer::intValue).sum(),
                    twiceMailed,
                    inboxSample);
            assertThat(atTheKill).as("killed in the middle of the fan-out").isLessThan(MEMBERS);
            assertThat(recipients).as("recipients told").isEqualTo(MEMBERS);
            assertThat(perRecipient).as("notifications of the meeting").isEqualTo(MEMBERS);
            assertThat(twiceMailed).as("recipients mailed twice").isZero();
        }
    }

    private ServiceProcess startNotificationService() throws InterruptedException {
        ServiceProcess service =
                platform.start("notification-service", null, "--concordia.notification.delivery.poll-millis=200");
        platform.awaitReady(service);
        return service;
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

    /** A hundred members' inboxes through the API: each holds the welcome and the meeting, once each. */
    private long sampleInboxes(ServiceProcess service) {
        long right = 0;
        for (int i = 0; i < MEMBERS; i += Math.max(1, MEMBERS / 100)) {
            String body = platform.call(
                            service, "GET", "/api/v1/people/drill-person-" + i + "/notifications/unread-count", null)
                    .body();
            if (body.replace(" ", "").contains("\"total\":2")) {
                right++;
            } else {
                throw new AssertionError("drill-person-" + i + ": " + body);
            }
        }
        return right;
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
