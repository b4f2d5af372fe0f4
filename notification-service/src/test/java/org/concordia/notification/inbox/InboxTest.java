package org.concordia.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
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

/** A person's inbox over several buckets: pages newest first, unread filter and count, marking read, live stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Feed feed;
    private Api api;
    private Person maria;
    private String organization;
    private String membership;
    private String inbox;

    @BeforeAll
    void elevenNotifications() {
        feed = new Feed(mongo);
        World world = new World(feed);
        organization = world.organization("Stowarzyszenie", null);
        maria = world.person("Maria Kowalska", "pl", "Europe/Warsaw");
        api = new Api(port).as(Tokens.person(maria.id()));
        membership = world.member(organization, maria, "member");
        for (int i = 0; i < 10; i++) {
            changeRoles();
        }
        inbox = "/api/v1/people/" + maria.id() + "/notifications";
        await().atMost(Duration.ofSeconds(30)).until(() -> count().path("total").asLong() == 11);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    private String changeRoles() {
        return feed.publishAndWait(new MemberRolesChanged(
                membership,
                organization,
                maria.id(),
                List.of("representative"),
                List.of("member"),
                "Stowarzyszenie",
                Instant.now()));
    }

    private JsonNode count() {
        return api.get(inbox + "/unread-count").json();
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    @Order(1)
    void pages_run_newest_first_across_buckets() {
        JsonNode first = api.get(inbox + "?size=3").json();
        JsonNode fourth = api.get(inbox + "?size=3&page=3").json();

        assertThat(first.path("totalElements").asLong()).isEqualTo(11);
        assertThat(first.path("totalPages").asInt()).isEqualTo(4);
        assertThat(ids(first)).hasSize(3);
        assertThat(first.path("content").path(0).path("title").asString())
                .isEqualTo("Twoja rola w organizacji Stowarzyszenie się zmieniła");
        assertThat(ids(fourth)).hasSize(2);
        assertThat(fourth.path("content").path(1).path("title").asString())
                .isEqualTo("Witamy w organizacji Stowarzyszenie");
        List<String> all = ids(api.get(inbox + "?size=100").json());
        assertThat(all).hasSize(11).doesNotHaveDuplicates();
        assertThat(all.subList(0, 3)).isEqualTo(ids(first));
    }

    @Test
    @Order(2)
    void marking_one_read_is_idempotent_and_the_unread_filter_leaves_it_out() {
        String oldest = ids(api.get(inbox + "?size=1&page=10").json()).get(0);

        assertThat(api.post(inbox + "/" + oldest + "/read", null)
                        .json()
                        .path("wasUnread")
                        .asBoolean())
                .isTrue();
        assertThat(api.post(inbox + "/" + oldest + "/read", null)
                        .json()
                        .path("wasUnread")
                        .asBoolean())
                .isFalse();
        assertThat(count().path("unread").asLong()).isEqualTo(10);
        JsonNode unread = api.get(inbox + "?unread=true&size=100").json();
        assertThat(unread.path("totalElements").asLong()).isEqualTo(10);
        assertThat(ids(unread)).doesNotContain(oldest);
        assertThat(api.post(inbox + "/" + Feed.newId() + ":x:y/read", null).status())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void marking_all_read_leaves_nothing_unread() {
        assertThat(api.post(inbox + "/read", null).json().path("marked").asLong())
                .isEqualTo(10);

        assertThat(count().path("unread").asLong()).isZero();
        assertThat(api.get(inbox + "?unread=true").json().path("totalElements").asLong())
                .isZero();
        assertThat(api.get(inbox + "?size=100").json().path("content").findValues("read"))
                .allMatch(JsonNode::asBoolean);
    }

    @Test
    @Order(4)
    void the_stream_resumes_after_the_last_event_id_and_goes_on_with_new_ones() throws Exception {
        List<String> all = ids(api.get(inbox + "?size=100").json());
        String fourthNewest = all.get(3);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + inbox + "/stream"))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", fourthNewest)
                .header("Authorization", "Bearer " + Tokens.person(maria.id()))
                .build();
        CompletableFuture<HttpResponse<InputStream>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.join().body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        received.add(line.substring(3).trim());
                    }
                }
            } catch (Exception ignored) {
                // the test closes the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
            assertThat(received).containsExactly(all.get(2), all.get(1), all.get(0));

            String next = changeRoles();

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 4);
            assertThat(received.get(3)).isEqualTo(next + ":" + maria.id() + ":member");
        } finally {
            response.cancel(true);
        }
    }
}
