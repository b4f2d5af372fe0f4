package org.concordia.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.concordia.contracts.organization.PersonRegistered;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/**
 * E-mail delivery through the broker to GreenMail: batches claimed by several instances go out once each; a delivery
 * whose instance died while sending it is given up, not sent twice, and an operator can send it; a person without an
 * address is told in the inbox and no e-mail is arranged (an announcement's report counts it as skipped); the e-mail goes out within the trace of the request that
 * caused it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest extends IntegrationTest {

    private static final String TRACE_ID = "5e1f0c7ab2d94e3f8a6b4c2d1e0f9a8b";

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
    void a_person_without_an_e_mail_address_is_told_in_the_inbox_and_no_e_mail_is_arranged() {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            Person addressed = world.person("Anna Kowalska", "pl", "Europe/Warsaw");
            String id = Feed.newId();
            Person unaddressed = new Person(id, "Jan Nowak", " ", "pl", "Europe/Warsaw");
            feed.publishAndWait(
                    new PersonRegistered(id, unaddressed.name(), " ", "pl", "Europe/Warsaw", Instant.now()));

            String event = feed.publishAndWait(world.meeting(
                    "Zebranie zarządu",
                    clock.instant().plus(30, ChronoUnit.DAYS),
                    "Europe/Warsaw",
                    List.of(),
                    List.of(World.person(addressed), World.person(unaddressed))));
            String told = event + ":" + addressed.id() + ":invitee";
            String notMailed = event + ":" + unaddressed.id() + ":invitee";

            Api.Response count = new Api(port)
                    .as(Tokens.person(unaddressed.id()))
                    .get("/api/v1/people/" + unaddressed.id() + "/notifications/unread-count");
            assertThat(count.status()).as(count.text()).isEqualTo(200);
            assertThat(count.json().path("unread").asLong()).isEqualTo(1);

            Api operator = new Api(port).as(Tokens.operator());
            Api.Response state = operator.get("/api/v1/deliveries/" + notMailed + ":email");
            assertThat(state.status()).as(state.text()).isEqualTo(200);
            assertThat(state.json().path("status").asString()).isEqualTo(Delivery.SKIPPED);
            assertThat(state.json().path("lastError").asString()).isEqualTo(Delivery.NO_ADDRESS);
            assertThat(state.json().path("attempts").asInt()).isZero();
            assertThat(mongo.getCollection("delivery_queue")
                            .find(new Document("_id", notMailed + ":email"))
                            .first())
                    .as("nothing queued")
                    .isNull();

            // the other invitee's e-mail goes out; none for the person without an address
            await().atMost(Duration.ofSeconds(60)).until(() -> mailsOf(told).size() == 1);
            assertThat(mailsOf(notMailed)).isEmpty();
            assertThat(operator.get("/api/v1/deliveries/" + notMailed + ":email")
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo(Delivery.SKIPPED);
        }
    }

    @Test
    void the_e_mail_goes_out_within_the_trace_of_the_request_that_caused_it(CapturedOutput output) {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            String organization = world.organization("Stowarzyszenie Solidarności Globalnej", null);
            Person author = world.person("Katarzyna Nowak", "pl", "Europe/Warsaw");
            Person reader = world.person("Piotr Wiśniewski", "pl", "Europe/Warsaw");
            world.member(organization, author, "coordinator");
            world.member(organization, reader, "member");

            String body = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .writeValueAsString(Map.of(
                            "authorPersonId",
                            author.id(),
                            "texts",
                            List.of(Map.of("language", "pl", "subject", "Publikacja", "body", "Jest już dostępna.")),
                            "targets",
                            List.of(Map.of("kind", "organization_members", "organizationId", organization)),
                            "timeZone",
                            "Europe/Warsaw"));
            Api.Response written = new Api(port)
                    .as(world.token(author))
                    .post(
                            "/api/v1/organizations/" + organization + "/announcements",
                            body,
                            Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
            assertThat(written.status()).as(written.text()).isEqualTo(201);

            MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> mailsTo(reader).stream()
                                    .filter(m -> header(m, "X-Concordia-Notification")
                                            .endsWith(":announcement"))
                                    .findFirst()
                                    .orElse(null),
                            Objects::nonNull);
            assertThat(header(mail, "X-Concordia-Trace")).isEqualTo(TRACE_ID);
            String notification = header(mail, "X-Concordia-Notification");
            // the record is settled after the message went out
            Document record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> mongo.getCollection("deliveries")
                                    .find(new Document("_id", notification + ":email"))
                                    .first(),
                            d -> d != null && d.get("trace") != null);
            assertThat(record.get("trace", Document.class).getString("traceparent"))
                    .contains(TRACE_ID);
            // the send is logged under the request's trace id
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> output.getAll()
                            .lines()
                            .anyMatch(line -> line.contains(TRACE_ID) && line.contains("Sent ")));
        }
    }

    @Test
    void an_announcement_report_counts_a_member_without_an_address_as_skipped_not_pending() {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            String organization = world.organization("Koalicja lubelskich organizacji pozarządowych", null);
            Person author = world.person("Ewa Lis", "pl", "Europe/Warsaw");
            world.member(organization, author, "coordinator");
            String id = Feed.newId();
            Person unaddressed = new Person(id, "Marek Nowicki", " ", "pl", "Europe/Warsaw");
            feed.publishAndWait(
                    new PersonRegistered(id, unaddressed.name(), " ", "pl", "Europe/Warsaw", Instant.now()));
            world.member(organization, unaddressed, "member");

            String body = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .writeValueAsString(Map.of(
                            "authorPersonId",
                            author.id(),
                            "texts",
                            List.of(Map.of("language", "pl", "subject", "Zebranie", "body", "Zapraszamy w czwartek.")),
                            "targets",
                            List.of(Map.of("kind", "organization_members", "organizationId", organization)),
                            "timeZone",
                            "Europe/Warsaw"));
            Api asAuthor = new Api(port).as(world.token(author));
            Api.Response written = asAuthor.post("/api/v1/organizations/" + organization + "/announcements", body);
            assertThat(written.status()).as(written.text()).isEqualTo(201);
            String announcement = written.json().path("id").asString();

            tools.jackson.databind.JsonNode report = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> asAuthor.get("/api/v1/announcements/" + announcement + "/report")
                                    .json(),
                            r -> r.path("recipients").asLong() == 2
                                    && r.path("delivered").path("email").asLong() == 1);
            assertThat(report.path("skipped").path("email").asLong()).isEqualTo(1);
            assertThat(report.path("pending").path("email").asLong()).isZero();
            assertThat(report.path("failed").path("email").asLong()).isZero();
        }
    }

    @Test
    void a_delivery_whose_instance_died_while_sending_is_given_up_not_sent_twice_and_an_operator_sends_it()
            throws Exception {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            Person person = world.person("Zofia Zielińska", "pl", "Europe/Warsaw");
            // quiet hours now: the e-mail waits for their end, so that only this test's instance can claim it first
            LocalTime local = clock.instant().atZone(ZoneId.of("Europe/Warsaw")).toLocalTime();
            DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm");
            Api.Response quiet = new Api(port)
                    .as(Tokens.person(person.id()))
                    .call(
                            HttpMethod.PUT,
                            "/api/v1/people/" + person.id() + "/preferences",
                            Api.json(
                                    "digest",
                                    "immediately",
                                    "quietHours",
                                    Map.of(
                                            "from", local.minusHours(1).format(hours),
                                            "until", local.plusHours(2).format(hours))),
                            Map.of());
            assertThat(quiet.status()).as(quiet.text()).isEqualTo(200);
            String event = feed.publishAndWait(world.meeting(
                    "Walne zgromadzenie",
                    clock.instant().plus(60, ChronoUnit.DAYS),
                    "Europe/Warsaw",
                    List.of(),
                    List.of(World.person(person))));
            String delivery = event + ":" + person.id() + ":invitee:email";
            Document entry = mongo.getCollection("delivery_queue")
                    .find(new Document("_id", delivery))
                    .first();
            assertThat(entry).isNotNull();
            Instant due = entry.getDate("dueAt").toInstant();
            assertThat(due).isAfter(clock.instant());

            // an instance claims it at its time, marks it as being sent, and dies
            Instant at = due.plusSeconds(1);
            Delivery claimed = null;
            while (claimed == null) {
                claimed = deliveries.claim(at, Duration.ofMinutes(1), "died", 100).due().stream()
                        .filter(d -> d.id().equals(delivery))
                        .findFirst()
                        .orElse(null);
            }
            deliveries.sending(List.of(claimed), at);

            // after its lease, the delivery is given up as interrupted, and nothing is sent
            clock.moveTo(at.plus(Duration.ofMinutes(2)));
            Api operator = new Api(port).as(Tokens.operator());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Delivery.FAILED.equals(operator.get("/api/v1/deliveries/" + delivery)
                            .json()
                            .path("status")
                            .asString()));
            Api.Response failed = operator.get("/api/v1/deliveries/" + delivery);
            assertThat(failed.json().path("lastError").asString()).isEqualTo(Delivering.INTERRUPTED);
            assertThat(mailsTo(person)).isEmpty();

            // the operator decides it did not go out, and sends it: once
            Api.Response retried = operator.post("/api/v1/deliveries/" + delivery + "/retry", "");
            assertThat(retried.status()).as(retried.text()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(person).size() == 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Delivery.SENT.equals(operator.get("/api/v1/deliveries/" + delivery)
                            .json()
                            .path("status")
                            .asString()));
            assertThat(mailsTo(person)).hasSize(1);
        }
    }

    @Test
    void instances_claiming_batches_at_once_send_each_e_mail_once() {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            String organization = world.organization("Związek Miast Polskich", null);
            List<Person> members = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Person member = world.person("Członek " + i, "pl", "Europe/Warsaw");
                members.add(member);
                world.member(organization, member, "member");
            }
            String event = feed.publish(world.meeting(
                    "Zgromadzenie",
                    clock.instant().plus(20, ChronoUnit.DAYS),
                    "Europe/Warsaw",
                    List.of(),
                    List.of(World.members(organization))));
            // two more instances race the service's own poller while the fan-out arranges the e-mails
            Delivering one = instance();
            Delivering two = instance();
            List<String> notifications =
                    members.stream().map(m -> event + ":" + m.id() + ":invitee").toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> one.deliverDue(5));
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> two.deliverDue(5));
                first.join();
                second.join();
                return notifications.stream().allMatch(n -> !mailsOf(n).isEmpty());
            });
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> notifications.stream().allMatch(n -> mailsOf(n).size() == 1));
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
                4);
    }

    private static List<MimeMessage> mailsOf(String notificationId) {
        return Arrays.stream(Mailbox.greenMail().getReceivedMessages())
                .filter(m -> notificationId.equals(header(m, "X-Concordia-Notification")))
                .toList();
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

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? "" : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
