package org.concordia.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
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
 * A meeting of a network, a project's partners and one named guest: each invitee is told once, in their language
 * and zone, with the reason, by inbox and by e-mail with the invitation attached; who declined hears nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingNotificationsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Feed feed;
    private Api api;
    private Person ana;
    private Person piotr;
    private Person john;
    private Person kasia;
    private Person outsider;
    private MeetingScheduled meeting;
    private String scheduledId;

    @BeforeAll
    void world() {
        feed = new Feed(mongo);
        api = new Api(port);
        World world = new World(feed);
        String movement = world.organization("Ruch Solidarności", null);
        String sofia = world.organization("Солидарност София", movement);
        String trakia = world.organization("РАО Тракия", null);
        String elsewhere = world.organization("Elsewhere", null);
        ana = world.person("Анна Петрова", "bg", "Europe/Sofia");
        piotr = world.person("Piotr Wiśniewski", "pl", "Europe/Warsaw");
        john = world.person("John Carter", "en", "America/New_York");
        kasia = world.person("Katarzyna Nowak", "pl-PL", "Europe/Warsaw");
        outsider = world.person("Nobody Here", "en", "Europe/London");
        world.member(sofia, ana, "member");
        world.member(movement, piotr, "coordinator");
        world.member(trakia, kasia, "coordinator");
        world.member(elsewhere, outsider, "coordinator");
        String project = world.project("Trakia 2026", movement, trakia);
        meeting = world.meeting(
                "Partner coordination",
                Instant.parse("2026-07-14T13:00:00Z"),
                "Europe/Warsaw",
                List.of(60),
                List.of(World.network(movement), World.person(john), World.partners(project, "coordinator")));
        scheduledId = feed.publishAndWait(meeting);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    @Order(1)
    void every_invitee_is_told_once_in_their_language_and_zone_with_the_reason() {
        JsonNode forAna = newest(ana);
        assertThat(forAna.path("id").asString()).isEqualTo(scheduledId + ":" + ana.id() + ":invitee");
        assertThat(forAna.path("title").asString()).isEqualTo("Покана: Partner coordination");
        assertThat(forAna.path("body").asString()).contains("16:00").contains("Източноевропейско лятно");
        assertThat(forAna.path("reason").asString()).isEqualTo("Вие сте член на Солидарност София.");

        JsonNode forPiotr = newest(piotr);
        assertThat(forPiotr.path("title").asString()).isEqualTo("Zaproszenie: Partner coordination");
        assertThat(forPiotr.path("body").asString()).contains("15:00").contains("środkowoeuropejski letni");
        assertThat(forPiotr.path("reason").asString()).isEqualTo("Koordynujesz organizację Ruch Solidarności.");

        assertThat(newest(john).path("body").asString()).contains("9:00").contains("Eastern Daylight Time");
        assertThat(newest(kasia).path("reason").asString())
                .isEqualTo("Koordynujesz organizację РАО Тракия, partnera projektu „Trakia 2026”.");
        assertThat(mongo.getCollection("notifications")
                        .find(new org.bson.Document("_id", scheduledId + ":" + outsider.id() + ":invitee"))
                        .first())
                .isNull();
        assertThat(mongo.getCollection("notifications").countDocuments(new org.bson.Document("sourceId", scheduledId)))
                .isEqualTo(4);
    }

    @Test
    @Order(2)
    void the_e_mail_is_multipart_utf8_with_the_invitation_attached() throws Exception {
        MimeMessage mail = awaitMail(ana.email(), "Покана: Partner coordination");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/api/v1/people/" + ana.id() + "/preferences");
        assertThat(mail.getMessageID()).matches("<[0-9a-f]{32}@concordia>");
        List<String> types = new ArrayList<>();
        List<BodyPart> parts = new ArrayList<>();
        collect((Multipart) mail.getContent(), types, parts);
        assertThat(types)
                .anyMatch(t -> t.startsWith("text/plain") && t.toLowerCase().contains("utf-8"));
        assertThat(types).anyMatch(t -> t.startsWith("text/html"));
        BodyPart ics = parts.stream()
                .filter(p -> typeOf(p).startsWith("text/calendar"))
                .findFirst()
                .orElseThrow();
        assertThat(typeOf(ics)).contains("method=REQUEST");
        Calendar calendar = new CalendarBuilder().build(ics.getInputStream());
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(meeting.meetingId());
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().toString())
                .contains("TZID=Europe/Warsaw")
                .contains("T150000");
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        assertThat(event.getProperties("DTSTAMP")).hasSize(1);
    }

    @Test
    @Order(3)
    void who_declined_hears_nothing_of_the_move_and_the_others_see_old_and_new_local_time() throws Exception {
        new World(feed).decline(meeting, john);
        MeetingRescheduled moved = new MeetingRescheduled(
                meeting.meetingId(),
                meeting.title(),
                meeting.start(),
                meeting.end(),
                Instant.parse("2026-07-15T08:00:00Z"),
                Instant.parse("2026-07-15T10:00:00Z"),
                meeting.timeZone(),
                1,
                null,
                meeting.format(),
                null,
                meeting.onlineLink(),
                meeting.organizerName(),
                meeting.organizerEmail(),
                meeting.organizationId(),
                null,
                null,
                List.of(),
                Instant.now());
        String movedId = feed.publishAndWait(moved);

        JsonNode forPiotr = newest(piotr);
        assertThat(forPiotr.path("id").asString()).isEqualTo(movedId + ":" + piotr.id() + ":invitee");
        assertThat(forPiotr.path("body").asString()).contains("15:00").contains("10:00");
        assertThat(mongo.getCollection("notifications").countDocuments(new org.bson.Document("sourceId", movedId)))
                .isEqualTo(3);
        assertThat(mongo.getCollection("notifications")
                        .find(new org.bson.Document("_id", movedId + ":" + john.id() + ":invitee"))
                        .first())
                .isNull();
        MimeMessage mail = awaitMail(piotr.email(), "Przeniesiono: Partner coordination");
        assertThat(icsOf(mail)).contains("SEQUENCE:1").contains("METHOD:REQUEST");
    }

    @Test
    @Order(4)
    void a_cancellation_cancels_the_calendar_entry() throws Exception {
        MeetingCancelled cancelled = new MeetingCancelled(
                meeting.meetingId(),
                meeting.title(),
                Instant.parse("2026-07-15T08:00:00Z"),
                meeting.timeZone(),
                "The venue is closed",
                2,
                Instant.parse("2026-07-15T10:00:00Z"),
                meeting.organizerName(),
                meeting.organizerEmail(),
                meeting.organizationId(),
                null,
                Instant.now());
        feed.publishAndWait(cancelled);

        MimeMessage mail = awaitMail(kasia.email(), "Odwołano: Partner coordination");
        assertThat(icsOf(mail)).contains("METHOD:CANCEL").contains("SEQUENCE:2").contains("STATUS:CANCELLED");
    }

    private JsonNode newest(Person person) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.as(Tokens.person(person.id()))
                                .get("/api/v1/people/" + person.id() + "/notifications?size=1")
                                .json()
                                .path("content")
                                .path(0),
                        node -> !node.isMissingNode());
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

    static String icsOf(MimeMessage mail) throws Exception {
        List<String> types = new ArrayList<>();
        List<BodyPart> parts = new ArrayList<>();
        collect((Multipart) mail.getContent(), types, parts);
        for (BodyPart part : parts) {
            if (typeOf(part).startsWith("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("No text/calendar part in " + types);
    }

    static void collect(Multipart multipart, List<String> types, List<BodyPart> parts) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, types, parts);
            } else {
                types.add(typeOf(part));
                parts.add(part);
            }
        }
    }

    static String typeOf(BodyPart part) {
        try {
            return part.getContentType();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
