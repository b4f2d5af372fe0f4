package org.concordia.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** An organization's endpoint receives its notifications signed; one that keeps failing is retried, then disabled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Feed feed;
    private Api api;
    private World world;
    private HttpServer receiver;
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<String> failedAttempts = new CopyOnWriteArrayList<>();
    private volatile String secret = "";

    @BeforeAll
    void receivers() throws IOException {
        feed = new Feed(mongo);
        api = new Api(port);
        world = new World(feed);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = signature.equals(Signing.signature(secret, id, timestamp, body));
            (valid ? verified : rejected).add(id + " " + body);
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            failedAttempts.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
        feed.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void the_endpoint_receives_each_notification_once_with_a_valid_signature() {
        String organization = world.organization("Hooked", null);
        Api.Response registered = api.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/organizations/" + organization + "/webhook",
                Api.json("url", url("/hooks")),
                java.util.Map.of());
        assertThat(registered.status()).isEqualTo(201);
        secret = registered.field("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/organizations/" + organization + "/webhook")
                        .json()
                        .path("secret")
                        .asString(""))
                .isEmpty();

        String joined = feed.publishAndWait(new org.concordia.contracts.organization.MemberJoined(
                Feed.newId(),
                organization,
                "Hooked",
                Feed.newId(),
                "Ewa Zielińska",
                "ewa@example.org",
                "pl",
                "Europe/Warsaw",
                List.of("member"),
                null,
                null,
                java.time.Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !verified.isEmpty());
        assertThat(rejected).isEmpty();
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0))
                .startsWith(joined + ":" + organization + ":webhook ")
                .contains("\"type\":\"concordia.membership.joined.v1\"")
                .contains("Welcome to Hooked");
    }

    @Test
    void a_failing_endpoint_is_retried_with_backoff_then_disabled_with_the_reason_and_listed_for_operators() {
        String organization = world.organization("Broken", null);
        api.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/organizations/" + organization + "/webhook",
                Api.json("url", url("/broken")),
                java.util.Map.of());

        String joined = feed.publishAndWait(new org.concordia.contracts.organization.MemberJoined(
                Feed.newId(),
                organization,
                "Broken",
                Feed.newId(),
                "Jan Nowak",
                "jan@example.org",
                "pl",
                "Europe/Warsaw",
                List.of("member"),
                null,
                null,
                java.time.Instant.now()));
        String delivery = joined + ":" + organization + ":webhook";

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/deliveries/" + delivery)
                        .field("status")
                        .equals("failed"));
        JsonNode state = api.get("/api/v1/deliveries/" + delivery).json();
        assertThat(state.path("attempts").asInt()).isEqualTo(3);
        assertThat(state.path("lastError").asString()).contains("HTTP 503");
        assertThat(failedAttempts).hasSize(3).containsOnly(delivery);
        JsonNode webhook =
                api.get("/api/v1/organizations/" + organization + "/webhook").json();
        assertThat(webhook.path("enabled").asBoolean()).isFalse();
        assertThat(webhook.path("disabledReason").asString())
                .contains("3 failed deliveries in a row")
                .contains("503");
        assertThat(api.get("/api/v1/deliveries/failures?size=100")
                        .json()
                        .path("content")
                        .findValuesAsString("id"))
                .contains(delivery);

        assertThat(api.post("/api/v1/deliveries/" + delivery + "/retry", null).field("status"))
                .isEqualTo("pending");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/deliveries/" + delivery)
                        .field("lastError")
                        .contains("disabled"));
    }
}
