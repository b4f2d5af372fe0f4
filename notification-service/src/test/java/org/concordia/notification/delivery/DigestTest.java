package org.concordia.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.TestClock;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.concordia.platform.inbox.ConsumerTracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/**
 * A daily digest: the notifications of the day wait, then go out as one e-mail at the person's local hour, in their
 * language, once, even with two instances and one that claimed it and died; transactional mail never waits.
 */
class DigestTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    Deliveries deliveries;

    @Autowired
    List<Channel> channels;

    @Autowired
    ConsumerTracing tracing;

    @Test
    void the_day_goes_out_as_one_e_mail_at_the_local_hour_once_with_two_instances_and_a_crashed_one() throws Exception {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            Person ana = world.person("Ана Петрова", "bg", "Europe/Sofia");
            Api.Response chosen = new Api(port)
                    .as(Tokens.person(ana.id()))
                    .call(
                            HttpMethod.PUT,
                            "/api/v1/people/" + ana.id() + "/preferences",
                            Api.json("digest", "daily", "digestHour", 7),
                            Map.of());
            assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
            String organization = world.organization("Сдружение Тракия", null);
            world.member(organization, ana, "member");
            MeetingScheduled meeting = world.meeting(
                    "Годишна среща",
                    clock.instant().plus(40, ChronoUnit.DAYS),
                    "Europe/Sofia",
                    List.of(),
                    List.of(World.members(organization)));
            feed.publishAndWait(meeting);
            world.confirm(meeting, ana);

            // the confirmation is transactional: it goes out at once, alone
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(ana).size() == 1);
            Document digest = mongo.getCollection("digests")
                    .find(new Document("personId", ana.id()))
                    .first();
            assertThat(digest).isNotNull();
            assertThat(digest.getList("notificationIds", String.class)).hasSize(2);
            Instant due = digest.getDate("dueAt").toInstant();
            ZonedDateTime local = due.atZone(ZoneId.of("Europe/Sofia"));
            assertThat(local.getHour()).isEqualTo(7);
            assertThat(local.getMinute()).isZero();
            assertThat(due).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofHours(25)));

            // at the digest hour, an instance claims the digest and dies before sending it
            Instant at = due.plusSeconds(1);
            boolean claimed = false;
            while (!claimed) {
                claimed = deliveries.claim(at, Duration.ofMinutes(5), "crashed", 100).due().stream()
                        .anyMatch(d -> d.id().equals(digest.getString("_id")));
            }
            clock.moveTo(at);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> mailsTo(ana).size() == 1);

            // its lease runs out: two instances race for it, it goes out once
            clock.advance(Duration.ofMinutes(6));
            Delivering one = instance();
            Delivering two = instance();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> one.deliverDue(100));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> two.deliverDue(100));
            first.join();
            second.join();
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(ana).size() == 2);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> mailsTo(ana).size() == 2);
            assertThat(deliveries.find(digest.getString("_id")))
                    .map(Delivery::status)
                    .contains(Delivery.SENT);

            MimeMessage mail = mailsTo(ana).stream()
                    .filter(m -> subject(m).contains("бюлетин"))
                    .findFirst()
                    .orElseThrow();
            assertThat(mail.getSubject()).isEqualTo("Вашият дневен бюлетин: 2 известия");
            assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/api/v1/people/" + ana.id() + "/preferences");
            List<BodyPart> parts = new ArrayList<>();
            collect((Multipart) mail.getContent(), parts);
            String plain = text(parts, "text/plain");
            String html = text(parts, "text/html");
            assertThat(plain).contains("Сдружение Тракия").contains("Годишна среща");
            assertThat(html).contains("<ol>").contains("Годишна среща");
            assertThat(parts)
                    .anySatisfy(part -> assertThat(part.getContentType())
                            .startsWith("text/calendar")
                            .contains("method=REQUEST"));
        }
    }

    private Delivering instance() {
        return new Delivering(
                deliveries,
                channels,
                clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                tracing,
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                3,
                100,
                10);
    }

    private static List<MimeMessage> mailsTo(Person person) {
        return Arrays.stream(Mailbox.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().contains(person.email());
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Multipart multipart, List<BodyPart> parts) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, parts);
            } else {
                parts.add(part);
            }
        }
    }

    private static String text(List<BodyPart> parts, String type) throws Exception {
        for (BodyPart part : parts) {
            if (part.getContentType().startsWith(type)) {
                return String.valueOf(part.getContent());
            }
        }
        throw new AssertionError("No " + type + " part");
    }
}
