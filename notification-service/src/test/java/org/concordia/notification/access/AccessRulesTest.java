package org.concordia.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.notification.access.AccessRules.Action.CHANGE_ANNOUNCEMENT;
import static org.concordia.notification.access.AccessRules.Action.CHOOSE_PREFERENCES;
import static org.concordia.notification.access.AccessRules.Action.MANAGE_WEBHOOK;
import static org.concordia.notification.access.AccessRules.Action.MARK_READ;
import static org.concordia.notification.access.AccessRules.Action.OPERATE_DELIVERIES;
import static org.concordia.notification.access.AccessRules.Action.READ_INBOX;
import static org.concordia.notification.access.AccessRules.Action.READ_PREFERENCES;
import static org.concordia.notification.access.AccessRules.Action.READ_REPORT;
import static org.concordia.notification.access.AccessRules.Action.WRITE_ANNOUNCEMENT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.preference.UnsubscribeLinks;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.TestClock;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.concordia.testing.security.TestIssuer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/**
 * Every access rule of notification-service over real HTTP, with tokens of the test issuer: for each rule the
 * callers it allows get their answer, the others a 403 and callers without a token a 401. A chapter and its parent,
 * each with a coordinator, a member of the chapter whose inbox and preferences are at stake, a person of another
 * organization, an operator and a client acting for itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    TestClock clock;

    private Feed feed;
    private Api api;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    String movement;
    String chapter;
    String elsewhere;
    Person member;
    String scheduled;
    String toCancel;
    String sent;

    /**
     * One line of the table.
     *
     * @param action the rule, or null for what the starter decides (actuator, no token, open paths)
     * @param caller who calls: parent, coordinator, member, outsider, other, operator, client, nobody or a bad token
     */
    record Row(
            @Nullable Action action,
            String caller,
            HttpMethod method,
            Function<AccessRulesTest, String> path,
            Function<AccessRulesTest, @Nullable String> body,
            int status) {

        @Override
        public String toString() {
            return (action == null ? "" : action + " ") + method + " " + caller + " → " + status;
        }
    }

    @BeforeAll
    void world() {
        feed = new Feed(mongo);
        api = new Api(port);
        World world = new World(feed);
        movement = world.organization("Ruch", null);
        chapter = world.organization("Ruch – Lublin", movement);
        elsewhere = world.organization("Elsewhere", null);
        Person parentCoordinator = world.person("Anna Nowak", "pl", "Europe/Warsaw");
        Person coordinator = world.person("Piotr Wiśniewski", "pl", "Europe/Warsaw");
        member = world.person("Ola Zając", "pl", "Europe/Warsaw");
        Person outsider = world.person("Hans Weber", "de", "Europe/Berlin");
        Person other = world.person("Kasia Lis", "pl", "Europe/Warsaw");
        world.member(movement, parentCoordinator, "coordinator");
        world.member(chapter, coordinator, "coordinator");
        world.member(chapter, member, "member", "representative");
        world.member(chapter, other, "member");
        world.member(elsewhere, outsider, "coordinator");
        tokens.put("parent", world.token(parentCoordinator));
        tokens.put("coordinator", world.token(coordinator));
        tokens.put("member", world.token(member));
        tokens.put("outsider", world.token(outsider));
        tokens.put("other", world.token(other));
        tokens.put(
                "operator",
                TestIssuer.get().person("operator-on-duty").operator().sign());
        tokens.put("client", TestIssuer.get().client("reporting-tool").sign());
        tokens.put(
                "client-operator",
                TestIssuer.get().client("ops-tool").operator().sign());
        tokens.put("expired", TestIssuer.get().person(member.id()).expired().sign());
        tokens.put("tampered", TestIssuer.tampered(world.token(member)));
        tokens.put(
                "stranger",
                TestIssuer.get().person(member.id()).signedByStranger().sign());
        tokens.put(
                "audience",
                TestIssuer.get().person(member.id()).audience("other-api").sign());

        Api coordinatorApi = as("coordinator");
        // the tests share a clock that others move ahead: schedule by it
        scheduled = write(coordinatorApi, inDays(3650));
        toCancel = write(coordinatorApi, inDays(3650));
        sent = write(coordinatorApi, null);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> coordinatorApi
                        .get("/api/v1/announcements/" + sent)
                        .field("status")
                        .equals("sent"));
    }

    @AfterAll
    void close() {
        feed.close();
    }

    OffsetDateTime inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private Api as(String caller) {
        return caller.equals("nobody") ? api : api.as(tokens.get(caller));
    }

    private String write(Api as, @Nullable OffsetDateTime sendAt) {
        Api.Response written = as.post("/api/v1/organizations/" + chapter + "/announcements", announcement(sendAt));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        return written.field("id");
    }

    String announcement(@Nullable OffsetDateTime sendAt) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("texts", List.of(Map.of("language", "pl", "subject", "Zebranie", "body", "Zapraszamy.")));
        body.put("targets", List.of(Map.of("kind", "organization_members", "organizationId", chapter)));
        if (sendAt != null) {
            body.put("sendAt", sendAt.toString());
        }
        body.put("timeZone", "Europe/Warsaw");
        return Api.json(body.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray());
    }

    String inbox() {
        return "/api/v1/people/" + member.id() + "/notifications";
    }

    String preferences() {
        return "/api/v1/people/" + member.id() + "/preferences";
    }

    String webhook() {
        return "/api/v1/organizations/" + chapter + "/webhook";
    }

    String unsubscribe() {
        String link = links.link(member.id(), "projects");
        return link.substring(link.indexOf("/api/v1/"));
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        // a person's own inbox: that person only, never an operator
        for (String caller : List.of("member")) {
            rows.add(get(READ_INBOX, caller, t -> t.inbox(), 200));
            rows.add(get(READ_INBOX, caller, t -> t.inbox() + "/unread-count", 200));
            rows.add(post(MARK_READ, caller, t -> t.inbox() + "/read", null, 200));
            rows.add(post(MARK_READ, caller, t -> t.inbox() + "/e:p:x/read", null, 404));
        }
        for (String caller : List.of("other", "coordinator", "parent", "operator", "client", "client-operator")) {
            rows.add(get(READ_INBOX, caller, t -> t.inbox(), 403));
            rows.add(post(MARK_READ, caller, t -> t.inbox() + "/read", null, 403));
        }
        rows.add(get(READ_INBOX, "operator", t -> t.inbox() + "/unread-count", 403));
        rows.add(get(READ_INBOX, "other", t -> t.inbox() + "/stream", 403));
        rows.add(get(null, "nobody", t -> t.inbox(), 401));
        rows.add(post(null, "nobody", t -> t.inbox() + "/read", null, 401));
        rows.add(get(null, "nobody", t -> t.inbox() + "/stream", 401));

        // a person's own preferences
        // immediately: a daily digest would leave a delivery waiting in the queue the tests share
        String choice = Api.json("digest", "immediately", "digestHour", 7);
        rows.add(get(READ_PREFERENCES, "member", t -> t.preferences(), 200));
        rows.add(put(CHOOSE_PREFERENCES, "member", t -> t.preferences(), t -> choice, 200));
        for (String caller : List.of("other", "coordinator", "operator", "client")) {
            rows.add(get(READ_PREFERENCES, caller, t -> t.preferences(), 403));
            rows.add(put(CHOOSE_PREFERENCES, caller, t -> t.preferences(), t -> choice, 403));
        }
        rows.add(put(null, "nobody", t -> t.preferences(), t -> choice, 401));
        // the one-click link carries its own token instead of a bearer token
        rows.add(post(null, "nobody", t -> t.unsubscribe(), null, 200));
        rows.add(post(
                null, "nobody", t -> t.unsubscribe().replace("category=projects", "category=meetings"), null, 404));

        // an organization's webhook: its coordinators and its parent's
        // an endpoint that refuses connections at once (the tests allow the loopback address)
        String hook = Api.json("url", "http://127.0.0.1:9/concordia");
        rows.add(put(MANAGE_WEBHOOK, "coordinator", t -> t.webhook(), t -> hook, 201));
        rows.add(put(MANAGE_WEBHOOK, "parent", t -> t.webhook(), t -> hook, 201));
        rows.add(get(MANAGE_WEBHOOK, "coordinator", t -> t.webhook(), 200));
        rows.add(post(MANAGE_WEBHOOK, "parent", t -> t.webhook() + "/secret", null, 200));
        for (String caller : List.of("member", "outsider", "operator", "client", "client-operator")) {
            rows.add(put(MANAGE_WEBHOOK, caller, t -> t.webhook(), t -> hook, 403));
            rows.add(get(MANAGE_WEBHOOK, caller, t -> t.webhook(), 403));
            rows.add(post(MANAGE_WEBHOOK, caller, t -> t.webhook() + "/secret", null, 403));
            rows.add(call(MANAGE_WEBHOOK, caller, HttpMethod.DELETE, t -> t.webhook(), null, 403));
        }
        rows.add(put(null, "nobody", t -> t.webhook(), t -> hook, 401));
        rows.add(call(null, "nobody", HttpMethod.DELETE, t -> t.webhook(), null, 401));
        rows.add(call(MANAGE_WEBHOOK, "coordinator", HttpMethod.DELETE, t -> t.webhook(), null, 204));

        // announcements: coordinators of the organization or of its parent, as themselves
        Function<AccessRulesTest, String> write = t -> "/api/v1/organizations/" + t.chapter + "/announcements";
        Function<AccessRulesTest, String> body = t -> t.announcement(null);
        rows.add(post(WRITE_ANNOUNCEMENT, "coordinator", write, body, 201));
        rows.add(post(WRITE_ANNOUNCEMENT, "parent", write, body, 201));
        String preview = "{\"targets\":[{\"kind\":\"organization_members\",\"organizationId\":\"%s\"}]}";
        rows.add(post(
                WRITE_ANNOUNCEMENT,
                "parent",
                t -> write.apply(t) + "/preview",
                t -> preview.formatted(t.chapter),
                200));
        for (String caller : List.of("member", "outsider", "operator", "client", "client-operator")) {
            rows.add(post(WRITE_ANNOUNCEMENT, caller, write, body, 403));
            rows.add(post(
                    WRITE_ANNOUNCEMENT,
                    caller,
                    t -> write.apply(t) + "/preview",
                    t -> preview.formatted(t.chapter),
                    403));
        }
        rows.add(post(null, "nobody", write, body, 401));
        // a coordinator writes as themselves, not as someone else
        rows.add(post(
                WRITE_ANNOUNCEMENT,
                "coordinator",
                write,
                t -> t.announcement(null).replaceFirst("\\{", "{\"authorPersonId\":\"" + t.member.id() + "\","),
                403));

        Function<AccessRulesTest, String> one = t -> "/api/v1/announcements/" + t.scheduled;
        String edit = "{\"texts\":[{\"language\":\"pl\",\"subject\":\"Zebranie (nowa sala)\",\"body\":\"Sala 2.\"}],"
                + "\"targets\":[{\"kind\":\"organization_members\",\"organizationId\":\"%s\"}],"
                + "\"sendAt\":\"%s\",\"timeZone\":\"Europe/Warsaw\"}";
        Function<AccessRulesTest, String> edited = t -> edit.formatted(t.chapter, t.inDays(3651));
        String correction = "{\"texts\":[{\"language\":\"pl\",\"subject\":\"Zebranie\",\"body\":\"Sala 3.\"}],"
                + "\"changeNote\":\"sala\"}";
        rows.add(get(CHANGE_ANNOUNCEMENT, "coordinator", one, 200));
        rows.add(get(CHANGE_ANNOUNCEMENT, "parent", t -> one.apply(t) + "/preview", 200));
        rows.add(put(CHANGE_ANNOUNCEMENT, "parent", one, edited, 200));
        rows.add(post(
                CHANGE_ANNOUNCEMENT, "coordinator", t -> "/api/v1/announcements/" + t.toCancel + "/cancel", null, 200));
        rows.add(post(
                CHANGE_ANNOUNCEMENT,
                "coordinator",
                t -> "/api/v1/announcements/" + t.sent + "/corrections",
                t -> correction,
                200));
        rows.add(get(CHANGE_ANNOUNCEMENT, "coordinator", t -> "/api/v1/announcements/no-such-announcement", 404));
        rows.add(get(CHANGE_ANNOUNCEMENT, "parent", write, 200));
        rows.add(get(CHANGE_ANNOUNCEMENT, "member", write, 403));
        rows.add(get(null, "nobody", write, 401));
        for (String caller : List.of("member", "outsider", "operator", "client")) {
            rows.add(get(CHANGE_ANNOUNCEMENT, caller, one, 403));
            rows.add(get(CHANGE_ANNOUNCEMENT, caller, t -> one.apply(t) + "/preview", 403));
            rows.add(put(CHANGE_ANNOUNCEMENT, caller, one, edited, 403));
            rows.add(post(CHANGE_ANNOUNCEMENT, caller, t -> one.apply(t) + "/cancel", null, 403));
            rows.add(post(
                    CHANGE_ANNOUNCEMENT,
                    caller,
                    t -> "/api/v1/announcements/" + t.sent + "/corrections",
                    t -> correction,
                    403));
        }
        rows.add(post(null, "nobody", t -> one.apply(t) + "/cancel", null, 401));

        Function<AccessRulesTest, String> report = t -> "/api/v1/announcements/" + t.sent + "/report";
        rows.add(get(READ_REPORT, "coordinator", report, 200));
        rows.add(get(READ_REPORT, "parent", report, 200));
        for (String caller : List.of("member", "outsider", "operator", "client")) {
            rows.add(get(READ_REPORT, caller, report, 403));
        }
        rows.add(get(null, "nobody", report, 401));

        // deliveries: operators run the platform
        rows.add(get(OPERATE_DELIVERIES, "operator", t -> "/api/v1/deliveries/failures", 200));
        rows.add(get(OPERATE_DELIVERIES, "client-operator", t -> "/api/v1/deliveries/failures", 200));
        rows.add(get(OPERATE_DELIVERIES, "operator", t -> "/api/v1/deliveries/x:y:email", 404));
        rows.add(post(OPERATE_DELIVERIES, "operator", t -> "/api/v1/deliveries/x:y:email/retry", null, 404));
        for (String caller : List.of("coordinator", "parent", "member", "client")) {
            rows.add(get(OPERATE_DELIVERIES, caller, t -> "/api/v1/deliveries/failures", 403));
            rows.add(get(OPERATE_DELIVERIES, caller, t -> "/api/v1/deliveries/x:y:email", 403));
            rows.add(post(OPERATE_DELIVERIES, caller, t -> "/api/v1/deliveries/x:y:email/retry", null, 403));
        }
        rows.add(post(null, "nobody", t -> "/api/v1/deliveries/x:y:email/retry", null, 401));

        // actuator beyond health, dead letters and their replay among it: operators, by the starter's chain
        rows.add(get(null, "operator", t -> "/actuator/deadletters", 200));
        rows.add(get(null, "operator", t -> "/actuator/metrics", 200));
        for (String caller : List.of("coordinator", "parent", "member", "client")) {
            rows.add(get(null, caller, t -> "/actuator/deadletters", 403));
            rows.add(post(null, caller, t -> "/actuator/deadletters/error.nothing.here/0/0", null, 403));
            rows.add(get(null, caller, t -> "/actuator/metrics", 403));
        }
        rows.add(get(null, "nobody", t -> "/actuator/deadletters", 401));
        rows.add(post(null, "nobody", t -> "/actuator/deadletters/error.nothing.here/0/0", null, 401));
        rows.add(get(null, "nobody", t -> "/actuator/health", 200));
        rows.add(get(null, "nobody", t -> "/v3/api-docs", 200));

        // tokens that prove nothing
        for (String caller : List.of("expired", "tampered", "stranger", "audience")) {
            rows.add(get(null, caller, t -> t.inbox(), 401));
            rows.add(put(null, caller, t -> t.preferences(), t -> choice, 401));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void each_rule_lets_the_right_callers_through_and_no_one_else(Row row) {
        Api.Response response = as(row.caller())
                .call(row.method(), row.path().apply(this), row.body().apply(this), Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(row.status());
        if (response.status() == 401 || response.status() == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asString())
                    .isIn("A valid bearer token is required", "The caller may not do this");
        }
    }

    @Test
    void the_table_names_every_rule_with_an_allowed_and_a_denied_caller() {
        Map<Action, Set<Integer>> outcomes = new EnumMap<>(Action.class);
        for (Row row : table()) {
            if (row.action() != null) {
                outcomes.computeIfAbsent(row.action(), a -> new java.util.HashSet<>())
                        .add(row.status() == 403 ? 403 : 200);
            }
        }
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Action.class));
        assertThat(outcomes.values()).allSatisfy(seen -> assertThat(seen).containsExactlyInAnyOrder(200, 403));
    }

    private static Row get(@Nullable Action action, String caller, Function<AccessRulesTest, String> path, int status) {
        return new Row(action, caller, HttpMethod.GET, path, t -> null, status);
    }

    private static Row post(
            @Nullable Action action,
            String caller,
            Function<AccessRulesTest, String> path,
            @Nullable Function<AccessRulesTest, String> body,
            int status) {
        return new Row(action, caller, HttpMethod.POST, path, body == null ? t -> null : body::apply, status);
    }

    private static Row put(
            @Nullable Action action,
            String caller,
            Function<AccessRulesTest, String> path,
            Function<AccessRulesTest, String> body,
            int status) {
        return new Row(action, caller, HttpMethod.PUT, path, body::apply, status);
    }

    private static Row call(
            @Nullable Action action,
            String caller,
            HttpMethod method,
            Function<AccessRulesTest, String> path,
            @Nullable String body,
            int status) {
        return new Row(action, caller, method, path, t -> body, status);
    }
}
