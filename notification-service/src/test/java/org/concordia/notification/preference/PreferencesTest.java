package org.concordia.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/** A person who wants no meeting e-mail still finds invitations in the inbox, and still gets their confirmation. */
class PreferencesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_opt_out_of_meeting_e_mail_keeps_the_inbox_and_the_transactional_mail() {
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            Person zofia = world.person("Zofia Lewandowska", "pl", "Europe/Warsaw");
            Api api = new Api(port).as(Tokens.person(zofia.id()));
            String path = "/api/v1/people/" + zofia.id() + "/preferences";
            Api.Response chosen = api.call(
                    HttpMethod.PUT,
                    path,
                    Api.json(
                            "channels",
                            Map.of("meetings", Map.of("email", false)),
                            "digest",
                            "immediately",
                            "digestHour",
                            8),
                    Map.of());
            assertThat(chosen.status()).isEqualTo(200);
            assertThat(chosen.etag()).isEqualTo("\"1\"");
            assertThat(api.get(path)
                            .json()
                            .path("channels")
                            .path("meetings")
                            .path("email")
                            .asBoolean())
                    .isFalse();
            assertThat(api.call(
                                    HttpMethod.PUT,
                                    path,
                                    Api.json("digest", "daily", "digestHour", 8),
                                    Map.of("If-Match", "\"0\""))
                            .status())
                    .isEqualTo(412);

            MeetingScheduled meeting = world.meeting(
                    "Quiet please",
                    Instant.now().plus(Duration.ofDays(500)),
                    "Europe/Warsaw",
                    List.of(),
                    List.of(World.person(zofia)));
            String invited = feed.publishAndWait(meeting);
            world.confirm(meeting, zofia);

            String invitation = invited + ":" + zofia.id() + ":invitee";
            assertThat(mongo.getCollection("notifications")
                            .find(new Document("_id", invitation))
                            .first())
                    .isNotNull();
            assertThat(mongo.getCollection("deliveries")
                            .find(new Document("_id", invitation + ":email"))
                            .first())
                    .isNull();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.getCollection("deliveries")
                                    .find(new Document(
                                                    "subject",
                                                    new Document("$regex", ":" + zofia.id() + ":participant$"))
                                            .append("status", "sent"))
                                    .first()
                            != null);
        }
    }

    @Test
    void one_click_in_the_e_mail_switches_off_that_category_and_a_forged_link_changes_nothing() throws Exception {
        // the link needs no bearer token: it carries its own
        Api api = new Api(port);
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            Person jan = world.person("Jan Kowalski", "pl", "Europe/Warsaw");
            feed.publishAndWait(world.meeting(
                    "Jedno kliknięcie",
                    Instant.now().plus(Duration.ofDays(450)),
                    "Europe/Warsaw",
                    List.of(),
                    List.of(World.person(jan))));
            MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> Arrays.stream(Mailbox.greenMail().getReceivedMessages())
                                    .filter(m -> to(m).contains(jan.email()))
                                    .findFirst()
                                    .orElse(null),
                            Objects::nonNull);
            assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            String link = mail.getHeader("List-Unsubscribe")[0];
            assertThat(link).startsWith("<http").endsWith(">").contains("category=meetings");
            String path = link.substring(link.indexOf("/api/v1/"), link.length() - 1);
            String preferences = "/api/v1/people/" + jan.id() + "/preferences";

            assertThat(api.post(path.replace("category=meetings", "category=projects"), null)
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(path.replace("category=meetings", "category=everything"), null)
                            .status())
                    .isEqualTo(400);
            assertThat(api.post(path.substring(0, path.indexOf("&token")), null).status())
                    .isEqualTo(400);
            assertThat(api.as(Tokens.person(jan.id())).get(preferences).etag()).isEqualTo("\"0\"");

            Api.Response unsubscribed = api.post(path, null);
            assertThat(unsubscribed.status()).as(unsubscribed.text()).isEqualTo(200);
            assertThat(unsubscribed
                            .json()
                            .path("channels")
                            .path("meetings")
                            .path("email")
                            .asBoolean())
                    .isFalse();
            assertThat(unsubscribed
                            .json()
                            .path("channels")
                            .path("meetings")
                            .path("in_app")
                            .asBoolean())
                    .isTrue();
            assertThat(unsubscribed
                            .json()
                            .path("channels")
                            .path("projects")
                            .path("email")
                            .asBoolean())
                    .isTrue();
        }
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
