package org.concordia.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An organization's endpoint receives its notifications signed; one that keeps failing is retried, then disabled.
 * Endpoints lead to public https addresses only (the tests' loopback receiver is allowed by configuration), checked
 * again before each post; redirects are not followed, and slow or endless answers are cut off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Feed feed;
    private Api api;
    private Api operator;
    private World world;
    private HttpServer receiver;
    private final ExecutorService receiving = Executors.newCachedThreadPool();
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<String> failedAttempts = new CopyOnWriteArrayList<>();
    private final List<String> redirectedTo = new CopyOnWriteArrayList<>();
    private final AtomicBoolean hugeAnswerWrittenInFull = new AtomicBoolean();
    private final CountDownLatch stopStalling = new CountDownLatch(1);
    private volatile String secret = "";

    @BeforeAll
    void receivers() throws IOException {
        feed = new Feed(mongo);
        api = new Api(port);
        operator = api.as(Tokens.operator());
        world = new World(feed);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // answers in parallel, so that a stalling answer holds up no other
        receiver.setExecutor(receiving);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = signature.equals(Signing.signature(secret, id, timestamp, body));
            (valid ? verified : rejected).add(id + " " + body);
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
                traceparents.add(traceparent);
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            failedAttempts.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/moved-here"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/moved-here", exchange -> {
            redirectedTo.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/huge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] megabyte = new byte[1 << 20];
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(megabyte);
                }
                hugeAnswerWrittenInFull.set(true);
            } catch (IOException stoppedReading) {
                // the service stopped reading
            }
        });
        receiver.createContext("/stalling", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                out.flush();
                stopStalling.await(2, TimeUnit.MINUTES);
            } catch (IOException | InterruptedException closed) {
                // the service gave up
            }
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        stopStalling.countDown();
        receiver.stop(0);
        receiving.shutdownNow();
        feed.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** An organization with a coordinator, and the API as that coordinator. */
    private Api coordinatorOf(String organization) {
        return api.as(Tokens.coordinator(Feed.newId(), organization));
    }

    private String join(String organization, String name) {
        return join(organization, name, Map.of());
    }

    private String join(String organization, String name, Map<String, String> headers) {
        return feed.publishAndWait(
                new MemberJoined(
                        Feed.newId(),
                        organization,
                        name,
                        Feed.newId(),
                        "Ewa Zielińska",
                        "ewa@example.org",
                        "pl",
                        "Europe/Warsaw",
                        List.of("member"),
                        null,
                        null,
                        Instant.now()),
                headers);
    }

    private JsonNode awaitAttempted(String delivery) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> operator.get("/api/v1/deliveries/" + delivery).json(),
                        state -> state.path("attempts").asInt() >= 1);
    }

    @Test
    void the_endpoint_receives_each_notification_once_with_a_valid_signature() {
        String organization = world.organization("Hooked", null);
        Api coordinator = coordinatorOf(organization);
        Api.Response registered =
                coordinator.put("/api/v1/organizations/" + organization + "/webhook", Api.json("url", url("/hooks")));
        assertThat(registered.status()).isEqualTo(201);
        secret = registered.field("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(coordinator
                        .get("/api/v1/organizations/" + organization + "/webhook")
                        .json()
                        .path("secret")
                        .asString(""))
                .isEmpty();

        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String joined = join(organization, "Hooked", Map.of("traceparent", "00-" + trace + "-00f067aa0ba902b7-01"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !verified.isEmpty());
        assertThat(rejected).isEmpty();
        // the post continues the trace of the event that caused it
        assertThat(traceparents).singleElement().asString().matches("00-" + trace + "-[0-9a-f]{16}-0[01]");
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0))
                .startsWith(joined + ":" + organization + ":webhook ")
                .contains("\"type\":\"concordia.membership.joined.v1\"")
                .contains("Welcome to Hooked");
    }

    @Test
    void a_failing_endpoint_is_retried_with_backoff_then_disabled_with_the_reason_and_listed_for_operators() {
        String organization = world.organization("Broken", null);
        Api coordinator = coordinatorOf(organization);
        coordinator.put("/api/v1/organizations/" + organization + "/webhook", Api.json("url", url("/broken")));

        String joined = join(organization, "Broken");
        String delivery = joined + ":" + organization + ":webhook";

        await().atMost(Duration.ofSeconds(60))
                .until(() -> operator.get("/api/v1/deliveries/" + delivery)
                        .field("status")
                        .equals("failed"));
        JsonNode state = operator.get("/api/v1/deliveries/" + delivery).json();
        assertThat(state.path("attempts").asInt()).isEqualTo(3);
        assertThat(state.path("lastError").asString()).contains("HTTP 503");
        assertThat(failedAttempts).hasSize(3).containsOnly(delivery);
        JsonNode webhook = coordinator
                .get("/api/v1/organizations/" + organization + "/webhook")
                .json();
        assertThat(webhook.path("enabled").asBoolean()).isFalse();
        assertThat(webhook.path("disabledReason").asString())
                .contains("3 failed deliveries in a row")
                .contains("503");
        assertThat(operator.get("/api/v1/deliveries/failures?size=100")
                        .json()
                        .path("content")
                        .findValuesAsString("id"))
                .contains(delivery);

        assertThat(operator.post("/api/v1/deliveries/" + delivery + "/retry", null)
                        .field("status"))
                .isEqualTo("pending");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> operator.get("/api/v1/deliveries/" + delivery)
                        .field("lastError")
                        .contains("disabled"));
    }

    @Test
    void a_new_secret_is_shown_once_and_signs_from_then_on_and_a_removed_webhook_is_gone() {
        String organization = world.organization("Rekeyed", null);
        Api coordinator = coordinatorOf(organization);
        String path = "/api/v1/organizations/" + organization + "/webhook";
        String first = coordinator.put(path, Api.json("url", url("/hooks"))).field("secret");

        Api.Response rotated = coordinator.post(path + "/secret", null);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.field("secret")).startsWith("whsec_").isNotEqualTo(first);
        assertThat(rotated.field("url")).isEqualTo(url("/hooks"));
        assertThat(coordinator.get(path).json().path("secret").asString("")).isEmpty();
        assertThat(mongo.getCollection("webhooks")
                        .find(new Document("_id", organization))
                        .first()
                        .getString("secret"))
                .isEqualTo(rotated.field("secret"));

        assertThat(coordinator.delete(path).status()).isEqualTo(204);
        assertThat(coordinator.get(path).status()).isEqualTo(404);
        assertThat(coordinator.delete(path).status()).isEqualTo(404);
        assertThat(coordinator.post(path + "/secret", null).status()).isEqualTo(404);
    }

    @Test
    void private_loopback_link_local_and_metadata_addresses_are_refused_at_registration() {
        String organization = world.organization("Curious", null);
        Api coordinator = coordinatorOf(organization);
        String path = "/api/v1/organizations/" + organization + "/webhook";

        for (String target : List.of(
                "https://10.0.0.7/hooks",
                "https://172.16.4.2/hooks",
                "https://192.168.1.20/hooks",
                "https://169.254.169.254/latest/meta-data/",
                "https://[::1]:8443/hooks",
                "https://[fd00:ec2::254]/hooks",
                "https://100.100.100.200/hooks",
                "https://0.0.0.0/hooks",
                "https://127.0.0.2/hooks",
                "https://user:password@example.org/hooks",
                "ftp://example.org/hooks")) {
            Api.Response refused = coordinator.put(path, Api.json("url", target));
            assertThat(refused.status()).as(target).isEqualTo(422);
            assertThat(refused.json().path("errors").findValuesAsString("field"))
                    .as(target)
                    .containsExactly("url");
            assertThat(refused.text()).as(target).doesNotContain("Exception");
        }
        assertThat(coordinator.get(path).status()).isEqualTo(404);
    }

    @Test
    void a_target_that_now_leads_to_a_private_address_is_not_posted_to() {
        String organization = world.organization("Rebound", null);
        // as if the address had been accepted before: the check before posting refuses it all the same
        mongo.getCollection("webhooks")
                .insertOne(new Document("_id", organization)
                        .append("url", "http://10.255.255.1:9/hooks")
                        .append("secret", Signing.newSecret())
                        .append("enabled", true)
                        .append("consecutiveFailures", 0)
                        .append("createdAt", new Date())
                        .append("version", 0L));

        String delivery = join(organization, "Rebound") + ":" + organization + ":webhook";

        assertThat(awaitAttempted(delivery).path("lastError").asString())
                .contains("public address")
                .contains("10.255.255.1");
    }

    @Test
    void a_redirect_is_not_followed() {
        String organization = world.organization("Moved", null);
        coordinatorOf(organization)
                .put("/api/v1/organizations/" + organization + "/webhook", Api.json("url", url("/moved")));

        String delivery = join(organization, "Moved") + ":" + organization + ":webhook";

        assertThat(awaitAttempted(delivery).path("lastError").asString()).contains("HTTP 302");
        assertThat(redirectedTo).isEmpty();
    }

    @Test
    void an_endless_answer_is_not_read_beyond_the_limit() {
        String organization = world.organization("Talkative", null);
        coordinatorOf(organization)
                .put("/api/v1/organizations/" + organization + "/webhook", Api.json("url", url("/huge")));

        String delivery = join(organization, "Talkative") + ":" + organization + ":webhook";

        await().atMost(Duration.ofSeconds(60))
                .until(() -> operator.get("/api/v1/deliveries/" + delivery)
                        .field("status")
                        .equals("sent"));
        assertThat(hugeAnswerWrittenInFull).isFalse();
    }

    @Test
    void an_answer_that_never_ends_times_out() {
        String organization = world.organization("Stalling", null);
        coordinatorOf(organization)
                .put("/api/v1/organizations/" + organization + "/webhook", Api.json("url", url("/stalling")));

        String delivery = join(organization, "Stalling") + ":" + organization + ":webhook";

        assertThat(awaitAttempted(delivery).path("lastError").asString()).contains("No complete answer");
        // its retries would hold up the other tests' deliveries for as long again
        coordinatorOf(organization).delete("/api/v1/organizations/" + organization + "/webhook");
    }
}
