package org.concordia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Api.Response;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every class of bad input on every endpoint gets a clear 4xx Problem Details naming what is wrong, and stores
 * nothing: no preferences, no webhook, no inbox change, no delivery retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends IntegrationTest {

    private static final String PERSON = "bad-input-person";
    private static final String ORGANIZATION = "bad-input-organization";
    private static final String INBOX = "/api/v1/people/" + PERSON + "/notifications";
    private static final String PREFERENCES = "/api/v1/people/" + PERSON + "/preferences";
    private static final String WEBHOOK = "/api/v1/organizations/" + ORGANIZATION + "/webhook";
    private static final String VALID = Api.json("digest", "daily", "digestHour", 8);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Api api;

    record Case(
            String name,
            HttpMethod method,
            String path,
            String body,
            Map<String, String> headers,
            int status,
            String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void api() {
        // the person whose inbox and preferences these are, a coordinator of the organization, and an operator:
        // bad input is answered the same to whoever may ask
        api = new Api(port)
                .as(TestIssuer.get()
                        .person(PERSON)
                        .member(ORGANIZATION, "coordinator")
                        .operator()
                        .sign());
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(get("negative page", INBOX + "?page=-1", 400, "page"));
        cases.add(get("page size 0", INBOX + "?size=0", 400, "size"));
        cases.add(get("page size 101", INBOX + "?size=101", 400, "size"));
        cases.add(get("page not a number", INBOX + "?page=two", 400, "page"));
        cases.add(get("unread not a boolean", INBOX + "?unread=maybe", 400, "unread"));
        cases.add(get("person id with a space", "/api/v1/people/a%20b/notifications", 400, "personId"));
        cases.add(get("person id too long", "/api/v1/people/" + "p".repeat(200) + "/notifications", 400, "personId"));
        cases.add(get(
                "unread count of a malformed person id",
                "/api/v1/people/%24x/notifications/unread-count",
                400,
                "personId"));
        cases.add(call(
                "mark a malformed notification id read",
                HttpMethod.POST,
                INBOX + "/%24x%20y/read",
                null,
                Map.of(),
                400,
                "notificationId"));
        cases.add(call(
                "mark an unknown notification read",
                HttpMethod.POST,
                INBOX + "/e:p:x/read",
                null,
                Map.of(),
                404,
                null));
        cases.add(call(
                "mark all read of a malformed person id",
                HttpMethod.POST,
                "/api/v1/people/%24x/notifications/read",
                null,
                Map.of(),
                400,
                "personId"));
        cases.add(call(
                "stream resuming after a malformed id",
                HttpMethod.GET,
                INBOX + "/stream",
                null,
                Map.of("Last-Event-ID", "$ x", "Accept", "text/event-stream"),
                400,
                "lastEventId"));

        cases.add(put("preferences without a digest", PREFERENCES, Api.json("digestHour", 8), 400, "digest"));
        cases.add(put("an unknown digest", PREFERENCES, Api.json("digest", "hourly", "digestHour", 8), 400, "digest"));
        cases.add(put("digest hour 24", PREFERENCES, Api.json("digest", "daily", "digestHour", 24), 400, "digestHour"));
        cases.add(put(
                "digest hour not a number",
                PREFERENCES,
                "{\"digest\":\"daily\",\"digestHour\":\"eight\"}",
                400,
                "digestHour"));
        cases.add(put(
                "an unknown weekday",
                PREFERENCES,
                Api.json("digest", "weekly", "digestHour", 8, "digestDay", "funday"),
                400,
                "digestDay"));
        cases.add(put(
                "quiet hours at 25:00",
                PREFERENCES,
                Api.json("digest", "daily", "digestHour", 8, "quietHours", Map.of("from", "25:00", "until", "07:00")),
                400,
                "quietHours.from"));
        cases.add(put(
                "quiet hours without an end",
                PREFERENCES,
                Api.json("digest", "daily", "digestHour", 8, "quietHours", Map.of("from", "22:00")),
                400,
                "quietHours.until"));
        cases.add(put(
                "an unknown category",
                PREFERENCES,
                Api.json("digest", "daily", "digestHour", 8, "channels", Map.of("sports", Map.of("email", false))),
                400,
                "channels"));
        cases.add(put(
                "an unknown channel",
                PREFERENCES,
                Api.json("digest", "daily", "digestHour", 8, "channels", Map.of("meetings", Map.of("pigeon", false))),
                400,
                "channels.meetings"));
        cases.add(put(
                "a weekday of 500 characters",
                PREFERENCES,
                Api.json("digest", "weekly", "digestHour", 8, "digestDay", "m".repeat(500)),
                400,
                "digestDay"));
        cases.add(put("an unknown field", PREFERENCES, "{\"colour\":\"red\"," + VALID.substring(1), 400, "colour"));
        cases.add(put("preferences that are not JSON", PREFERENCES, "{digest", 400, null));
        cases.add(call(
                "If-Match that is not an ETag",
                HttpMethod.PUT,
                PREFERENCES,
                VALID,
                Map.of("If-Match", "yesterday"),
                400,
                "If-Match"));
        cases.add(call(
                "If-Match of a version that never was",
                HttpMethod.PUT,
                PREFERENCES,
                VALID,
                Map.of("If-Match", "\"7\""),
                412,
                null));
        cases.add(get("preferences of a malformed person id", "/api/v1/people/%24x/preferences", 400, "personId"));
        cases.add(put("digest hour -1", PREFERENCES, Api.json("digest", "daily", "digestHour", -1), 400, "digestHour"));
        cases.add(call(
                "unsubscribe without a token",
                HttpMethod.POST,
                PREFERENCES + "/unsubscribe?category=meetings",
                null,
                Map.of(),
                400,
                null));
        cases.add(call(
                "unsubscribe from an unknown category",
                HttpMethod.POST,
                PREFERENCES + "/unsubscribe?category=sports&token=" + "A".repeat(43),
                null,
                Map.of(),
                400,
                "category"));
        cases.add(call(
                "unsubscribe with a malformed token",
                HttpMethod.POST,
                PREFERENCES + "/unsubscribe?category=meetings&token=short",
                null,
                Map.of(),
                400,
                "token"));
        cases.add(call(
                "unsubscribe with a forged token",
                HttpMethod.POST,
                PREFERENCES + "/unsubscribe?category=meetings&token=" + "A".repeat(43),
                null,
                Map.of(),
                404,
                null));

        cases.add(put("a webhook without url", WEBHOOK, "{}", 400, "url"));
        cases.add(put("a webhook url with spaces", WEBHOOK, Api.json("url", "https://a b"), 400, "url"));
        cases.add(put("a webhook over ftp", WEBHOOK, Api.json("url", "ftp://example.org/hooks"), 422, "url"));
        cases.add(put("a webhook without a host", WEBHOOK, Api.json("url", "https:///hooks"), 422, "url"));
        cases.add(put("a webhook url that is no address", WEBHOOK, Api.json("url", "https://exa mple"), 400, "url"));
        cases.add(put(
                "a webhook url over 2000 characters",
                WEBHOOK,
                Api.json("url", "https://example.org/" + "a".repeat(2000)),
                400,
                "url"));
        cases.add(
                put("a webhook to a private address", WEBHOOK, Api.json("url", "https://10.0.0.1/hooks"), 422, "url"));
        cases.add(put(
                "a webhook to the metadata address",
                WEBHOOK,
                Api.json("url", "https://169.254.169.254/latest/meta-data/"),
                422,
                "url"));
        cases.add(call(
                "a new secret for an organization without a webhook",
                HttpMethod.POST,
                WEBHOOK + "/secret",
                null,
                Map.of(),
                404,
                null));
        cases.add(call("removing a webhook that is not there", HttpMethod.DELETE, WEBHOOK, null, Map.of(), 404, null));
        cases.add(put(
                "a webhook with an unknown field",
                WEBHOOK,
                Api.json("url", "https://example.org", "secret", "mine"),
                400,
                "secret"));
        cases.add(get("the webhook of an organization without one", WEBHOOK, 404, null));
        cases.add(get(
                "a webhook of a malformed organization id",
                "/api/v1/organizations/%24x/webhook",
                400,
                "organizationId"));

        cases.add(get("failures page -1", "/api/v1/deliveries/failures?page=-1", 400, "page"));
        cases.add(get("failures page size 500", "/api/v1/deliveries/failures?size=500", 400, "size"));
        cases.add(get("an unknown delivery", "/api/v1/deliveries/x:y:email", 404, null));
        cases.add(get("a malformed delivery id", "/api/v1/deliveries/%24x", 400, "deliveryId"));
        cases.add(call(
                "retry of an unknown delivery",
                HttpMethod.POST,
                "/api/v1/deliveries/x:y:email/retry",
                null,
                Map.of(),
                404,
                null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_clear_problem_and_stores_nothing(Case bad) {
        Response response = api.call(bad.method(), bad.path(), bad.body(), bad.headers());

        assertThat(response.status()).as(response.text()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
        if (bad.field() != null) {
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as(response.text())
                    .contains(bad.field());
        }
        assertThat(mongo.getCollection("preferences")
                        .find(new Document("_id", PERSON))
                        .first())
                .isNull();
        assertThat(mongo.getCollection("webhooks")
                        .find(new Document("_id", ORGANIZATION))
                        .first())
                .isNull();
        assertThat(mongo.getCollection("inbox_summaries")
                        .find(new Document("_id", PERSON))
                        .first())
                .isNull();
    }

    private static Case get(String name, String path, int status, String field) {
        return new Case(name, HttpMethod.GET, path, null, Map.of(), status, field);
    }

    private static Case put(String name, String path, String body, int status, String field) {
        return new Case(name, HttpMethod.PUT, path, body, Map.of(), status, field);
    }

    private static Case call(
            String name,
            HttpMethod method,
            String path,
            String body,
            Map<String, String> headers,
            int status,
            String field) {
        return new Case(name, method, path, body, headers, status, field);
    }
}
