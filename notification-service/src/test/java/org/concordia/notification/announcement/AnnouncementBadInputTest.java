package org.concordia.notification.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.notification.announcement.Announcements.members;
import static org.concordia.notification.announcement.Announcements.text;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every kind of bad announcement gets a 4xx Problem Details naming the field, and nothing is stored or sent: no
 * announcement, no event, no notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncementBadInputTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Feed feed;
    private Api api;
    private String trakia;
    private String elsewhere;
    private Person coordinator;
    private Person member;

    /** A request built against this test's world, and what must come back. */
    record Case(String name, Function<AnnouncementBadInputTest, Api.Response> request, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void world() {
        feed = new Feed(mongo);
        World world = new World(feed);
        trakia = world.organization("РАО Тракия", null, "BG", List.of("bg"));
        elsewhere = world.organization("Elsewhere", null, "DE", List.of("de"));
        coordinator = world.person("Мария Иванова", "bg", "Europe/Sofia");
        member = world.person("Иван Петров", "bg", "Europe/Sofia");
        world.member(trakia, coordinator, "coordinator");
        world.member(trakia, member, "member");
        api = new Api(port).as(Tokens.coordinator(coordinator.id(), trakia));
    }

    @AfterAll
    void close() {
        feed.close();
    }

    private Api.Response write(List<?> texts, List<?> targets, OffsetDateTime sendAt, String zone) {
        return api.post(
                "/api/v1/organizations/" + trakia + "/announcements",
                Announcements.body(coordinator, texts, targets, sendAt, zone));
    }

    private Api.Response write(List<?> texts) {
        return write(texts, List.of(members(trakia)), null, "Europe/Sofia");
    }

    private Api.Response keyed(String key) {
        return api.post(
                "/api/v1/organizations/" + trakia + "/announcements",
                Announcements.body(coordinator, List.of(text("bg", "S", "B")), List.of(members(trakia)), null, "UTC"),
                Map.of("Idempotency-Key", key));
    }

    private Api.Response raw(String json) {
        return api.post("/api/v1/organizations/" + trakia + "/announcements", json);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no text in any language", t -> t.write(List.of()), 400, "texts"));
        cases.add(new Case("empty subject", t -> t.write(List.of(text("bg", " ", "Текст."))), 400, "texts[0].subject"));
        cases.add(new Case("empty body", t -> t.write(List.of(text("bg", "Семинар", ""))), 400, "texts[0].body"));
        cases.add(new Case(
                "empty in every language",
                t -> t.write(List.of(text("bg", "", ""), text("en", "", ""))),
                400,
                "texts[1].subject"));
        cases.add(new Case("unknown language", t -> t.write(List.of(text("qq", "S", "B"))), 400, "texts[0].language"));
        cases.add(new Case(
                "malformed language tag", t -> t.write(List.of(text("en_US!", "S", "B"))), 400, "texts[0].language"));
        cases.add(new Case(
                "body over the limit",
                t -> t.write(List.of(text("bg", "S", "а".repeat(20_001)))),
                400,
                "texts[0].body"));
        cases.add(new Case(
                "a script in the body",
                t -> t.write(List.of(text("bg", "S", "Текст <script>alert(1)</script>"))),
                400,
                "texts[0].body"));
        cases.add(new Case(
                "raw HTML in the body",
                t -> t.write(List.of(text("bg", "S", "<div onclick=\"x()\">Текст</div>"))),
                400,
                "texts[0].body"));
        cases.add(new Case(
                "send time in the past",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(members(t.trakia)),
                        OffsetDateTime.now(ZoneOffset.ofHours(2)).minusYears(1),
                        "Europe/Sofia"),
                400,
                "sendAt"));
        cases.add(new Case(
                "target outside the author's organization",
                t -> t.write(List.of(text("bg", "S", "B")), List.of(members(t.elsewhere)), null, "Europe/Sofia"),
                422,
                "targets[0].organizationId"));
        cases.add(new Case(
                "project of another organization",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(Announcements.target("project_partners", "projectId", "no-such-project")),
                        null,
                        "Europe/Sofia"),
                422,
                "targets[0].projectId"));
        cases.add(new Case(
                "unknown target kind",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(Announcements.target("everyone", "organizationId", t.trakia)),
                        null,
                        "Europe/Sofia"),
                400,
                "targets[0].kind"));
        cases.add(new Case(
                "target without its id",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(Map.of("kind", "project_partners")),
                        null,
                        "Europe/Sofia"),
                400,
                "targets[0].projectId"));
        cases.add(new Case(
                "no target",
                t -> t.write(List.of(text("bg", "S", "B")), List.of(), null, "Europe/Sofia"),
                400,
                "targets"));
        cases.add(new Case(
                "unknown time zone",
                t -> t.write(List.of(text("bg", "S", "B")), List.of(members(t.trakia)), null, "Europe/Atlantis"),
                400,
                "timeZone"));
        cases.add(new Case(
                "send time not a date",
                t -> t.raw(Api.json(
                        "authorPersonId", t.coordinator.id(),
                        "texts", List.of(text("bg", "S", "B")),
                        "targets", List.of(members(t.trakia)),
                        "sendAt", "next Tuesday",
                        "timeZone", "Europe/Sofia")),
                400,
                "sendAt"));
        cases.add(new Case(
                "subject over the limit",
                t -> t.write(List.of(text("bg", "С".repeat(201), "B"))),
                400,
                "texts[0].subject"));
        cases.add(new Case(
                "21 texts", t -> t.write(java.util.Collections.nCopies(21, text("bg", "S", "B"))), 400, "texts"));
        cases.add(new Case(
                "21 targets",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        java.util.Collections.nCopies(21, members(t.trakia)),
                        null,
                        "Europe/Sofia"),
                400,
                "targets"));
        cases.add(new Case(
                "11 roles in a target",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(members(t.trakia, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
                        null,
                        "Europe/Sofia"),
                400,
                "targets[0].roles"));
        cases.add(new Case(
                "a time zone of 100 characters",
                t -> t.write(List.of(text("bg", "S", "B")), List.of(members(t.trakia)), null, "E".repeat(100)),
                400,
                "timeZone"));
        cases.add(new Case(
                "a language tag of 36 characters",
                t -> t.write(List.of(text("a".repeat(36), "S", "B"))),
                400,
                "texts[0].language"));
        cases.add(new Case(
                "a correction note over the limit",
                t -> t.api.post(
                        "/api/v1/announcements/no-such-announcement/corrections",
                        Api.json("texts", List.of(text("bg", "S", "B")), "changeNote", "n".repeat(1001))),
                400,
                "changeNote"));
        cases.add(new Case(
                "an author other than the caller",
                t -> t.api.post(
                        "/api/v1/organizations/" + t.trakia + "/announcements",
                        Announcements.body(
                                t.member,
                                List.of(text("bg", "S", "B")),
                                List.of(members(t.trakia)),
                                null,
                                "Europe/Sofia")),
                403,
                null));
        cases.add(new Case(
                "an unknown field",
                t -> t.raw(Api.json(
                        "authorPersonId", t.coordinator.id(),
                        "texts", List.of(text("bg", "S", "B")),
                        "targets", List.of(members(t.trakia)),
                        "timeZone", "Europe/Sofia",
                        "html", "<b>x</b>")),
                400,
                "html"));
        cases.add(new Case(
                "partner organizations of an organization outside the author's",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(Announcements.partners(t.elsewhere)),
                        null,
                        "Europe/Sofia"),
                422,
                "targets[0].organizationId"));
        cases.add(new Case(
                "partner organizations without the organization",
                t -> t.write(
                        List.of(text("bg", "S", "B")),
                        List.of(Map.of("kind", "organization_partners")),
                        null,
                        "Europe/Sofia"),
                400,
                "targets[0].organizationId"));
        cases.add(new Case("an Idempotency-Key with spaces", t -> t.keyed("two words"), 400, "Idempotency-Key"));
        cases.add(new Case(
                "an Idempotency-Key of 129 characters", t -> t.keyed("k".repeat(129)), 400, "Idempotency-Key"));
        cases.add(new Case("an empty Idempotency-Key", t -> t.keyed(""), 400, "Idempotency-Key"));
        cases.add(new Case(
                "a well-formed Idempotency-Key on a bad body",
                t -> t.api.post(
                        "/api/v1/organizations/" + t.trakia + "/announcements",
                        Announcements.body(t.coordinator, List.of(), List.of(members(t.trakia)), null, "UTC"),
                        Map.of("Idempotency-Key", "bad-body-1")),
                400,
                "texts"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_naming_the_field_and_nothing_is_stored_or_sent(Case c) {
        long announcements =
                mongo.getCollection("announcements").countDocuments(new Document("organizationId", trakia));
        long notifications = mongo.getCollection("notifications").countDocuments(new Document("personId", member.id()));

        Api.Response response = c.request().apply(this);

        assertThat(response.status()).as(response.text()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        if (c.field() != null) {
            assertThat(fields).as(response.text()).contains(c.field());
        }
        assertThat(mongo.getCollection("announcements").countDocuments(new Document("organizationId", trakia)))
                .isEqualTo(announcements);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("personId", member.id())))
                .isEqualTo(notifications);
    }

    @org.junit.jupiter.api.Test
    void an_announcement_of_an_unknown_organization_or_id_is_not_found() {
        Api.Response organization = api.as(Tokens.coordinator(coordinator.id(), "no-such-organization"))
                .post(
                        "/api/v1/organizations/no-such-organization/announcements",
                        Announcements.body(
                                coordinator, List.of(text("bg", "S", "B")), List.of(members(trakia)), null, "UTC"));
        assertThat(organization.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/announcements/no-such-announcement").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/announcements/no-such-announcement/report").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/announcements/%24bad").status()).isEqualTo(400);
    }
}
