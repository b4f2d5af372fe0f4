package org.concordia.notification.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.notification.announcement.Announcements.members;
import static org.concordia.notification.announcement.Announcements.network;
import static org.concordia.notification.announcement.Announcements.partners;
import static org.concordia.notification.announcement.Announcements.target;
import static org.concordia.notification.announcement.Announcements.text;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.announcement.AnnouncementPublished;
import org.concordia.contracts.announcement.AnnouncementTarget;
import org.concordia.contracts.announcement.AnnouncementText;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.TestClock;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A coordination centre tells its network, a project's partners and a meeting's participants: each person once,
 * in their language or the fallback, with who sent it and why they got it, by inbox, e-mail and webhook; nothing
 * unsafe reaches a mailbox or an inbox; scheduled sending follows the clock, once; corrections reach everyone;
 * the report counts it all; a replay of the topic sends nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnouncementTest extends IntegrationTest {

    private static final String BG_BODY = "Следващата **международна координационна среща** е онлайн."
            + "\n\n- дневен ред: [проект](https://allatra.example.org/agenda)";
    private static final String PL_BODY = "Następne **międzynarodowe spotkanie koordynacyjne** odbędzie się online.";
    private static final String EN_BODY = "The next **international coordination meeting** takes place online.";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    Sending sending;

    private Feed feed;
    private Api api;
    private Api asMaria;
    private World world;
    private Announcements announcements;
    private String centre;
    private String bulgaria;
    private String poland;
    private String outside;
    private String project;
    private MeetingScheduled meeting;
    private Person maria;
    private Person ivan;
    private Person dimitar;
    private Person petar;
    private Person ewa;
    private Person hans;
    private Person zofia;
    private Person eve;
    private Person john;
    private String networkAnnouncement;
    private final List<String> written = new ArrayList<>();

    @BeforeAll
    void world() {
        feed = new Feed(mongo);
        api = new Api(port);
        world = new World(feed);
        announcements = new Announcements(api, mongo, world::token);
        centre = world.organization("ALLATRA Coordination Centre", null, "CY", List.of("en", "bg", "pl"));
        bulgaria = world.organization("ALLATRA България", centre, "BG", List.of("bg"));
        poland = world.organization("ALLATRA Polska", centre, "PL", List.of("pl"));
        String solidarity = world.organization("Stowarzyszenie Solidarności Globalnej", null, "PL", List.of("pl"));
        outside = world.organization("Elsewhere", null, "DE", List.of("de"));
        maria = world.person("Мария Иванова", "bg", "Europe/Sofia");
        ivan = world.person("Иван Петров", "bg", "Europe/Sofia");
        dimitar = world.person("Димитър Георгиев", "bg", "Europe/Sofia");
        petar = world.person("Петър Колев", "bg", "Europe/Sofia");
        ewa = world.person("Ewa Kowalska", "pl", "Europe/Warsaw");
        hans = world.person("Hans Müller", "de", "Europe/Berlin");
        zofia = world.person("Zofia Nowak", "pl", "Europe/Warsaw");
        eve = world.person("Eve Smith", "en", "Europe/London");
        john = world.person("John Carter", "en", "America/New_York");
        world.member(centre, maria, "coordinator");
        world.member(bulgaria, ivan, "representative");
        world.member(centre, dimitar, "member");
        world.member(bulgaria, dimitar, "representative");
        world.member(bulgaria, petar, "member");
        world.member(poland, ewa, "representative");
        world.member(poland, hans, "representative");
        world.member(solidarity, zofia, "coordinator");
        world.member(outside, eve, "coordinator");
        asMaria = api.as(world.token(maria));
        project = world.project("Good practice", centre, solidarity);
        meeting = world.meeting(
                "International coordination",
                centre,
                Instant.now().plus(20, ChronoUnit.DAYS),
                "Europe/Sofia",
                List.of(),
                List.of(World.person(john)));
        feed.publishAndWait(meeting);
        world.confirm(meeting, john);
        // an endpoint nobody listens on: the centre's webhook bounces
        asMaria.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/organizations/" + centre + "/webhook",
                Api.json("url", "http://127.0.0.1:9/hook"),
                Map.of());
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    @Order(1)
    void before_sending_the_coordinator_sees_how_many_people_it_reaches_per_language_and_country() {
        Api.Response preview = asMaria.post(
                "/api/v1/organizations/" + centre + "/announcements/preview",
                Api.json(
                        "authorPersonId",
                        maria.id(),
                        "targets",
                        List.of(network(centre, "coordinator", "representative")),
                        "languages",
                        List.of("bg", "pl", "en")));

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        JsonNode counts = preview.json();
        assertThat(counts.path("people").asLong()).isEqualTo(5);
        assertThat(counts.path("languages").path("bg").asLong()).isEqualTo(3);
        assertThat(counts.path("languages").path("pl").asLong()).isEqualTo(1);
        assertThat(counts.path("languages").path("en").asLong()).isEqualTo(1);
        assertThat(counts.path("fallbacks").asLong()).isEqualTo(1);
        // each in the country of the organization that reached them: Dimitar, a member of the centre first, is
        // reached as a representative of ALLATRA България
        assertThat(counts.path("countries").path("PL").asLong()).isEqualTo(2);
        assertThat(counts.path("countries").path("BG").asLong()).isEqualTo(2);
        assertThat(counts.path("countries").path("CY").asLong()).isEqualTo(1);
        assertThat(mongo.getCollection("announcements").countDocuments(new Document("organizationId", centre)))
                .isZero();
    }

    @Test
    @Order(2)
    void the_whole_network_is_told_once_each_in_their_language_with_sender_and_reason() throws Exception {
        Api.Response sent = announcements.write(
                centre,
                maria,
                List.of(
                        text("bg", "Международна координационна среща", BG_BODY),
                        text("pl", "Międzynarodowe spotkanie koordynacyjne", PL_BODY),
                        text("en", "International coordination meeting", EN_BODY)),
                List.of(network(centre)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        assertThat(sent.json().path("status").asString()).isEqualTo("sent");
        networkAnnouncement = sent.json().path("id").asString();
        written.add(networkAnnouncement);

        Set<String> told = announcements.awaitRecipients(networkAnnouncement, "announcement", 6);
        assertThat(told)
                .containsExactlyInAnyOrder(maria.id(), ivan.id(), dimitar.id(), petar.id(), ewa.id(), hans.id());
        assertThat(announcements.notificationsOf(dimitar.id(), networkAnnouncement))
                .isEqualTo(1);

        Document forIvan = announcements.notification(networkAnnouncement, ivan, "announcement");
        assertThat(forIvan.getString("title")).isEqualTo("Международна координационна среща");
        assertThat(forIvan.getString("body"))
                .contains("международна координационна среща")
                .contains("Мария Иванова, ALLATRA Coordination Centre")
                .doesNotContain("**");
        assertThat(forIvan.getString("reason")).contains("ALLATRA България");
        Document forEwa = announcements.notification(networkAnnouncement, ewa, "announcement");
        assertThat(forEwa.getString("title")).isEqualTo("Międzynarodowe spotkanie koordynacyjne");
        assertThat(forEwa.getString("reason")).contains("ALLATRA Polska");
        Document forHans = announcements.notification(networkAnnouncement, hans, "announcement");
        assertThat(forHans.getString("title"))
                .as("German was not written: the centre's first language")
                .isEqualTo("International coordination meeting");

        MimeMessage mail = awaitMail(ewa.email(), "Międzynarodowe spotkanie koordynacyjne");
        assertThat(html(mail)).contains("<strong>międzynarodowe spotkanie koordynacyjne</strong>");
        assertThat(plain(mail))
                .contains("Мария Иванова, ALLATRA Coordination Centre")
                .doesNotContain("<strong>");
        MimeMessage bulgarian = awaitMail(ivan.email(), "Международна координационна среща");
        assertThat(html(bulgarian)).contains("href=\"https://allatra.example.org/agenda\"");
        JsonNode inbox = api.as(world.token(ivan))
                .get("/api/v1/people/" + ivan.id() + "/notifications?size=1")
                .json()
                .path("content")
                .path(0);
        assertThat(inbox.path("category").asString()).isEqualTo("announcements");
        assertThat(inbox.path("title").asString()).isEqualTo("Международна координационна среща");
    }

    @Test
    @Order(3)
    void scripts_and_javascript_links_never_reach_a_mailbox_or_an_inbox_as_live_markup() throws Exception {
        long before = mongo.getCollection("announcements").countDocuments();
        Api.Response script = announcements.write(
                centre,
                maria,
                List.of(text("pl", "Skrypt", "Uwaga <script>alert('x')</script>")),
                List.of(members(poland)));
        assertThat(script.status()).isEqualTo(400);
        assertThat(announcements.fields(script)).containsExactly("texts[0].body");
        assertThat(mongo.getCollection("announcements").countDocuments()).isEqualTo(before);

        Api.Response link = announcements.write(
                centre,
                maria,
                List.of(text(
                        "pl",
                        "Link",
                        "Zobacz [tutaj](javascript:alert(document.cookie)) i [program](https://example.org/p)")),
                List.of(members(poland)));
        assertThat(link.status()).as(link.text()).isEqualTo(201);
        String linkId = link.json().path("id").asString();
        written.add(linkId);
        MimeMessage linkMail = awaitMail(ewa.email(), "Link");
        assertThat(html(linkMail)).doesNotContainIgnoringCase("javascript:").contains("https://example.org/p");
        assertThat(plain(linkMail)).doesNotContainIgnoringCase("javascript:");
        assertThat(announcements.notification(linkId, ewa, "announcement").getString("body"))
                .doesNotContainIgnoringCase("javascript:");

        // a body that reached the topic another way (an older producer) is made safe where it is shown
        String rawId = Feed.newId();
        feed.publishAndWait(new AnnouncementPublished(
                rawId,
                centre,
                "ALLATRA Coordination Centre",
                List.of("en"),
                maria.id(),
                maria.name(),
                List.of(new AnnouncementText(
                        "pl",
                        "Surowy HTML",
                        "Tekst <script>alert(1)</script> <a href=\"javascript:alert(2)\">klik</a>\n\n"
                                + "<img src=x onerror=alert(3)>")),
                List.of(new AnnouncementTarget(AnnouncementTarget.ORGANIZATION_MEMBERS, poland, null, null, List.of())),
                1,
                Instant.now()));
        MimeMessage raw = awaitMail(ewa.email(), "Surowy HTML");
        assertThat(html(raw))
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onerror");
        assertThat(plain(raw)).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:");
        JsonNode item = api.as(world.token(ewa))
                .get("/api/v1/people/" + ewa.id() + "/notifications?size=1")
                .json()
                .path("content")
                .path(0);
        assertThat(item.path("title").asString()).isEqualTo("Surowy HTML");
        assertThat(item.path("body").asString())
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<a ");
    }

    @Test
    @Order(4)
    void audiences_by_roles_by_project_partners_and_by_meeting_participants() {
        Api.Response representatives = announcements.write(
                centre,
                maria,
                List.of(text("bg", "Представители", "Само за представители.")),
                List.of(members(bulgaria, "representative")));
        Api.Response partners = announcements.write(
                centre,
                maria,
                List.of(text("pl", "Publikacja", "Publikacja jest gotowa.")),
                List.of(target("project_partners", "projectId", project)));
        Api.Response participants = announcements.write(
                centre,
                maria,
                List.of(text("en", "Agenda", "The agenda is out.")),
                List.of(target("meeting_participants", "meetingId", meeting.meetingId())));
        Api.Response twice = announcements.write(
                centre,
                maria,
                List.of(text("bg", "Двама", "Един човек, две организации.")),
                List.of(members(centre), members(bulgaria)));
        for (Api.Response r : List.of(representatives, partners, participants, twice)) {
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            written.add(r.json().path("id").asString());
        }

        assertThat(announcements.awaitRecipients(
                        representatives.json().path("id").asString(), "announcement", 2))
                .containsExactlyInAnyOrder(ivan.id(), dimitar.id());
        assertThat(announcements.awaitRecipients(partners.json().path("id").asString(), "announcement", 3))
                .containsExactlyInAnyOrder(maria.id(), dimitar.id(), zofia.id());
        assertThat(announcements.awaitRecipients(participants.json().path("id").asString(), "announcement", 1))
                .containsExactly(john.id());
        String twiceId = twice.json().path("id").asString();
        assertThat(announcements.awaitRecipients(twiceId, "announcement", 4))
                .containsExactlyInAnyOrder(maria.id(), dimitar.id(), ivan.id(), petar.id());
        assertThat(announcements.notificationsOf(dimitar.id(), twiceId)).isEqualTo(1);
        assertThat(announcements
                        .notification(participants.json().path("id").asString(), john, "announcement")
                        .getString("reason"))
                .isEqualTo("You registered for International coordination.");
    }

    @Test
    @Order(5)
    void only_coordinators_write_and_only_within_their_organization() {
        Api.Response stranger =
                announcements.write(centre, eve, List.of(text("en", "Hello", "Hello.")), List.of(network(centre)));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(announcements.fields(stranger)).isEmpty();
        Api.Response representative = announcements.write(
                bulgaria, ivan, List.of(text("bg", "Здравейте", "Текст.")), List.of(members(bulgaria)));
        assertThat(representative.status()).isEqualTo(403);

        Api.Response beyond =
                announcements.write(centre, maria, List.of(text("en", "Hello", "Hello.")), List.of(members(outside)));
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(announcements.fields(beyond)).containsExactly("targets[0].organizationId");

        // the parent's coordinator writes for a chapter
        Api.Response forChapter = announcements.write(
                bulgaria, maria, List.of(text("bg", "За България", "Текст.")), List.of(members(bulgaria)));
        assertThat(forChapter.status()).as(forChapter.text()).isEqualTo(201);
        written.add(forChapter.json().path("id").asString());
    }

    @Test
    @Order(6)
    void scheduled_announcements_go_out_when_the_clock_says_once_edited_and_not_at_all_cancelled() {
        ZoneId sofia = ZoneId.of("Europe/Sofia");
        var inTwoMinutes =
                clock.instant().plus(Duration.ofMinutes(2)).atZone(sofia).toOffsetDateTime();
        Api.Response scheduled = asMaria.post(
                "/api/v1/organizations/" + centre + "/announcements",
                Announcements.body(
                        maria,
                        List.of(text("bg", "Семинар", "Първи вариант.")),
                        List.of(members(bulgaria)),
                        inTwoMinutes,
                        "Europe/Sofia"));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        assertThat(scheduled.json().path("status").asString()).isEqualTo("scheduled");
        // the send time is shown in the author's zone, with Sofia's offset on that day (the test clock moves)
        assertThat(scheduled.json().path("sendAt").asString())
                .endsWith(inTwoMinutes.getOffset().getId());
        String id = scheduled.json().path("id").asString();
        written.add(id);
        Api.Response cancelledOne = asMaria.post(
                "/api/v1/organizations/" + centre + "/announcements",
                Announcements.body(
                        maria,
                        List.of(text("bg", "Отменено", "Текст.")),
                        List.of(members(bulgaria)),
                        inTwoMinutes,
                        "Europe/Sofia"));
        String cancelledId = cancelledOne.json().path("id").asString();

        Api.Response edited = asMaria.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/announcements/" + id,
                Announcements.body(
                        maria,
                        List.of(text("bg", "Семинар за съветници", "Поправен вариант.")),
                        List.of(members(bulgaria)),
                        inTwoMinutes,
                        "Europe/Sofia"),
                Map.of("If-Match", scheduled.etag()));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        Api.Response cancelled = asMaria.post(
                "/api/v1/announcements/" + cancelledId + "/cancel", Api.json("authorPersonId", maria.id()));
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");

        assertThat(sending.sendDue("instance-a", 10)).isZero();
        assertThat(announcements.recipients(id, "announcement")).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        // two instances at once: the lease and the versioned write let it out once
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> sending.sendDue("instance-a", 10));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> sending.sendDue("instance-b", 10));
        assertThat(one.join() + two.join()).isLessThanOrEqualTo(1);

        assertThat(announcements.awaitRecipients(id, "announcement", 3))
                .containsExactlyInAnyOrder(ivan.id(), dimitar.id(), petar.id());
        assertThat(announcements.notification(id, ivan, "announcement").getString("title"))
                .isEqualTo("Семинар за съветници");
        try (TopicReader topic = TopicReader.of(EventCatalogue.ANNOUNCEMENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> r.stream().anyMatch(c -> id.equals(c.key())), Duration.ofSeconds(30));
            assertThat(records.stream().filter(c -> id.equals(c.key()))).hasSize(1);
            assertThat(records.stream().filter(c -> cancelledId.equals(c.key())))
                    .isEmpty();
        }
        assertThat(asMaria.get("/api/v1/announcements/" + cancelledId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(announcements.recipients(cancelledId, "announcement")).isEmpty();
        Api.Response late = asMaria.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/announcements/" + id,
                Announcements.body(
                        maria,
                        List.of(text("bg", "Късно", "Текст.")),
                        List.of(members(bulgaria)),
                        null,
                        "Europe/Sofia"),
                Map.of());
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void a_correction_reaches_everyone_marked_corrected() {
        Api.Response corrected = asMaria.post(
                "/api/v1/announcements/" + networkAnnouncement + "/corrections",
                Api.json(
                        "authorPersonId",
                        maria.id(),
                        "texts",
                        List.of(
                                text("bg", "Международна координационна среща", "Срещата е в **събота**."),
                                text("pl", "Międzynarodowe spotkanie koordynacyjne", "Spotkanie w **sobotę**."),
                                text("en", "International coordination meeting", "The meeting is on **Saturday**.")),
                        "changeNote",
                        "The day was missing."));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.json().path("revision").asInt()).isEqualTo(2);

        String source = networkAnnouncement + ":r2";
        assertThat(announcements.awaitRecipients(source, "correction", 6)).hasSize(6);
        Document forIvan = announcements.notification(source, ivan, "correction");
        assertThat(forIvan.getString("title")).isEqualTo("Коригирано: Международна координационна среща");
        assertThat(forIvan.getString("body")).contains("събота").contains("The day was missing.");
        assertThat(announcements.notification(source, ewa, "correction").getString("title"))
                .isEqualTo("Poprawione: Międzynarodowe spotkanie koordynacyjne");
    }

    @Test
    @Order(8)
    void the_report_counts_recipients_channels_reads_bounces_languages_and_fallbacks() {
        String ivansNotification = networkAnnouncement + ":" + ivan.id() + ":announcement";
        assertThat(api.as(world.token(ivan))
                        .post("/api/v1/people/" + ivan.id() + "/notifications/" + ivansNotification + "/read", null)
                        .status())
                .isEqualTo(200);

        JsonNode report = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> asMaria.get("/api/v1/announcements/" + networkAnnouncement + "/report")
                                .json(),
                        r -> r.path("delivered").path("email").asLong() == 6
                                && r.path("bouncedWebhooks").asLong() == 1);
        assertThat(report.path("status").asString()).isEqualTo("sent");
        assertThat(report.path("recipients").asLong()).isEqualTo(6);
        assertThat(report.path("delivered").path("in_app").asLong()).isEqualTo(6);
        assertThat(report.path("failed").path("webhook").asLong()).isEqualTo(1);
        assertThat(report.path("read").asLong()).isEqualTo(1);
        assertThat(report.path("languages").path("bg").asLong()).isEqualTo(4);
        assertThat(report.path("languages").path("pl").asLong()).isEqualTo(1);
        assertThat(report.path("languages").path("en").asLong()).isEqualTo(1);
        assertThat(report.path("fallbackCount").asLong()).isEqualTo(1);
        assertThat(report.path("fallbacks").path(0).path("personId").asString()).isEqualTo(hans.id());
        assertThat(report.path("fallbacks").path(0).path("preferred").asString())
                .isEqualTo("de");
        assertThat(report.path("fallbacks").path(0).path("got").asString()).isEqualTo("en");
        assertThat(report.path("correctionsSent").asLong()).isEqualTo(6);
    }

    @Test
    @Order(9)
    void a_replay_of_the_announcement_topic_creates_and_sends_nothing_twice() {
        long notifications = mongo.getCollection("notifications").countDocuments();
        long deliveries = mongo.getCollection("deliveries").countDocuments();
        int mails = Mailbox.greenMail().getReceivedMessages().length;
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try (TopicReader topic = TopicReader.of(EventCatalogue.ANNOUNCEMENT_EVENTS)) {
            for (ConsumerRecord<String, byte[]> r : topic.readToEnd()) {
                if (written.contains(r.key())) {
                    records.add(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
                }
            }
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(written.size());
        feed.replay(records);
        for (ProducerRecord<String, byte[]> record : records) {
            feed.awaitProcessed(
                    EventCatalogue.byType(header(record, CloudEventHeaders.TYPE))
                            .orElseThrow(),
                    header(record, CloudEventHeaders.ID));
        }
        // a fresh announcement behind the replayed ones on the same key has been handled after them
        String last = written.get(written.size() - 1);
        Api.Response marker = asMaria.post(
                "/api/v1/announcements/" + networkAnnouncement + "/corrections",
                Api.json(
                        "authorPersonId",
                        maria.id(),
                        "texts",
                        List.of(text("en", "International coordination meeting", "Saturday, 10:00.")),
                        "changeNote",
                        "The hour."));
        assertThat(marker.status()).isEqualTo(200);
        assertThat(announcements.awaitRecipients(networkAnnouncement + ":r3", "correction", 6))
                .hasSize(6);

        assertThat(last).isNotBlank();
        assertThat(mongo.getCollection("notifications").countDocuments()).isEqualTo(notifications + 6);
        assertThat(mongo.getCollection("deliveries").countDocuments()).isLessThanOrEqualTo(deliveries + 7);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Mailbox.greenMail().getReceivedMessages().length >= mails + 6);
        assertThat(Arrays.stream(Mailbox.greenMail().getReceivedMessages())
                        .map(AnnouncementTest::messageId)
                        .distinct()
                        .count())
                .isEqualTo(Mailbox.greenMail().getReceivedMessages().length);
    }

    @Test
    @Order(10)
    void an_organization_writes_at_most_so_many_announcements_an_hour_even_when_all_write_at_once() {
        Person coordinator = world.person("Rate Limited", "en", "UTC");
        String busy = world.organization("Busy", null, "PL", List.of("pl"));
        world.member(busy, coordinator, "coordinator");
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Api.Response> answers;
        try {
            answers = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> announcements.write(
                                    busy,
                                    coordinator,
                                    List.of(text("en", "News " + i, "Text.")),
                                    List.of(members(busy))),
                            writers))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList();
        } finally {
            writers.shutdown();
        }
        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 429);
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(10);
        assertThat(answers.stream().filter(a -> a.status() == 429))
                .allSatisfy(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
        assertThat(mongo.getCollection("announcements").countDocuments(new Document("organizationId", busy)))
                .isEqualTo(10);
        Api.Response eleventh = announcements.write(
                busy, coordinator, List.of(text("en", "One more", "Text.")), List.of(members(busy)));
        assertThat(eleventh.status()).isEqualTo(429);
    }

    @Test
    @Order(11)
    void the_members_of_an_organizations_partners_are_told_once_each_by_role_while_the_partnership_runs() {
        String association = world.organization("РАО Тракия", null, "BG", List.of("bg"));
        String plovdiv = world.organization("Община Пловдив", null, "BG", List.of("bg"));
        String haskovo = world.organization("Община Хасково", null, "BG", List.of("bg"));
        String zagora = world.organization("Община Стара Загора", null, "BG", List.of("bg"));
        String edirne = world.organization("Edirne Belediyesi", null, "TR", List.of("tr"));
        Person coordinator = world.person("Мария Тракийска", "bg", "Europe/Sofia");
        Person elena = world.person("Елена Димитрова", "bg", "Europe/Sofia");
        Person georgi = world.person("Георги Стоянов", "bg", "Europe/Sofia");
        Person nikolai = world.person("Николай Иванов", "bg", "Europe/Sofia");
        Person stoyan = world.person("Стоян Колев", "bg", "Europe/Sofia");
        Person mehmet = world.person("Mehmet Yılmaz", "tr", "Europe/Istanbul");
        world.member(association, coordinator, "coordinator");
        world.member(plovdiv, elena, "representative");
        world.member(plovdiv, georgi, "member");
        world.member(haskovo, georgi, "representative");
        world.member(plovdiv, nikolai, "member");
        world.member(zagora, stoyan, "representative");
        world.member(edirne, mehmet, "representative");
        // the municipalities record their membership of the association; the association records its twin town
        world.partnership(plovdiv, association, "network_membership");
        world.partnership(haskovo, association, "network_membership");
        String ended = world.partnership(zagora, association, "network_membership");
        world.endPartnership(ended, zagora, association, "network_membership");
        world.partnership(association, edirne, "twinning");
        Api asCoordinator = api.as(world.token(coordinator));

        Api.Response preview = asCoordinator.post(
                "/api/v1/organizations/" + association + "/announcements/preview",
                Api.json("targets", List.of(partners(association)), "languages", List.of("bg")));
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().path("people").asLong()).isEqualTo(4);
        assertThat(preview.json().path("countries").path("BG").asLong()).isEqualTo(3);
        assertThat(preview.json().path("countries").path("TR").asLong()).isEqualTo(1);
        assertThat(preview.json().path("fallbacks").asLong()).isEqualTo(1);

        Api.Response everyone = announcements.write(
                association,
                coordinator,
                List.of(text("bg", "Семинар за общински съветници", "Каним ви на **семинар**.")),
                List.of(partners(association)));
        Api.Response representatives = announcements.write(
                association,
                coordinator,
                List.of(text("bg", "Само за представителите", "Среща на представителите.")),
                List.of(partners(association, "representative")));
        assertThat(everyone.status()).as(everyone.text()).isEqualTo(201);
        assertThat(representatives.status()).as(representatives.text()).isEqualTo(201);
        String everyoneId = everyone.json().path("id").asString();

        assertThat(announcements.awaitRecipients(everyoneId, "announcement", 4))
                .containsExactlyInAnyOrder(elena.id(), georgi.id(), nikolai.id(), mehmet.id());
        assertThat(announcements.notificationsOf(georgi.id(), everyoneId))
                .as("a member of two partner municipalities is told once")
                .isEqualTo(1);
        assertThat(announcements.awaitRecipients(
                        representatives.json().path("id").asString(), "announcement", 3))
                .containsExactlyInAnyOrder(elena.id(), georgi.id(), mehmet.id());
        assertThat(announcements.notification(everyoneId, elena, "announcement").getString("reason"))
                .isEqualTo("Вие представлявате Община Пловдив, партньор на РАО Тракия.");
        assertThat(announcements.notificationsOf(stoyan.id(), everyoneId))
                .as("the partnership ended")
                .isZero();
    }

    @Test
    @Order(12)
    void a_retried_write_with_the_same_idempotency_key_answers_the_first_and_tells_nobody_twice() {
        String association = world.organization("Retried", null, "BG", List.of("bg"));
        Person coordinator = world.person("Иван Повторов", "bg", "Europe/Sofia");
        Person other = world.person("Петя Другата", "bg", "Europe/Sofia");
        Person reader = world.person("Анна Читателка", "bg", "Europe/Sofia");
        world.member(association, coordinator, "coordinator");
        world.member(association, other, "coordinator");
        world.member(association, reader, "member");
        String path = "/api/v1/organizations/" + association + "/announcements";
        String body = Announcements.body(
                coordinator, List.of(text("bg", "Веднъж", "Само веднъж.")), List.of(members(association)), null, "UTC");
        Map<String, String> key = Map.of("Idempotency-Key", "announce-2026-12-01:seminar");
        Api as = api.as(world.token(coordinator));

        Api.Response first = as.post(path, body, key);
        Api.Response retry = as.post(path, body, key);
        Api.Response changed = as.post(
                path,
                Announcements.body(
                        coordinator,
                        List.of(text("bg", "Друго", "Друг текст.")),
                        List.of(members(association)),
                        null,
                        "UTC"),
                key);
        Api.Response anotherAuthor = api.as(world.token(other))
                .post(
                        path,
                        Announcements.body(
                                other,
                                List.of(text("bg", "Веднъж", "Само веднъж.")),
                                List.of(members(association)),
                                null,
                                "UTC"),
                        key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String id = first.json().path("id").asString();
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(id);
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(changed.status())
                .as("a different body with the same key answers the first, as every creating POST does")
                .isEqualTo(200);
        assertThat(changed.json().path("id").asString()).isEqualTo(id);
        assertThat(changed.json().path("texts").get(0).path("subject").asString())
                .isEqualTo("Веднъж");
        assertThat(anotherAuthor.status()).as("the key is the author's own").isEqualTo(201);
        assertThat(anotherAuthor.json().path("id").asString()).isNotEqualTo(id);
        assertThat(mongo.getCollection("announcements").countDocuments(new Document("organizationId", association)))
                .isEqualTo(2);
        Api.Response listed = as.get(path + "?size=5");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.json().path("totalElements").asLong()).isEqualTo(2);
        assertThat(api.as(world.token(reader)).get(path).status())
                .as("a member does not list them")
                .isEqualTo(403);
        assertThat(announcements.awaitRecipients(id, "announcement", 3)).contains(reader.id());
        assertThat(announcements.notificationsOf(reader.id(), id)).isEqualTo(1);
        assertThat(mongo.getCollection("announcement_quotas")
                        .countDocuments(new Document("_id", new Document("$regex", "^" + association + ":"))
                                .append("until", new Document("$gt", java.util.Date.from(clock.instant())))))
                .as("a retry takes nothing of the rate limit")
                .isEqualTo(2);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage awaitMail(String to, String subject) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            for (MimeMessage message : Mailbox.greenMail().getReceivedMessages()) {
                                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                                .anyMatch(a -> a.toString().contains(to))
                                        && subject.equals(message.getSubject())) {
                                    return message;
                                }
                            }
                            return null;
                        },
                        m -> m != null);
    }

    static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    static String plain(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        collect((Multipart) mail.getContent(), parts);
        for (BodyPart part : parts) {
            if (part.getContentType().toLowerCase().startsWith(type)) {
                return String.valueOf(part.getContent());
            }
        }
        throw new AssertionError("No " + type + " part");
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
}
