package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.MeetingTopic;
import org.concordia.meeting.support.World;
import org.concordia.platform.outbox.OutboxRelay;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every class of bad input on every endpoint gets a clear 4xx Problem Details naming what is wrong, and changes
 * nothing: no meeting or registration is stored or changed, and nothing is published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

    private Api api;
    private World world;
    private Map<String, String> fixture;
    private Map<String, String> tokens;
    private long meetingsBefore;
    private long registrationsBefore;
    private long versionBefore;
    private int recordsBefore;
    private double publishedBefore;

    @BeforeAll
    void fixture() {
        world = new World(directory);
        World.Coordinated trakia = world.coordinated("Регионална Асоциация на Общини Тракия", "Europe/Sofia");
        String invitee = world.person("Елена Димитрова", "Europe/Sofia");
        String outsider = world.person("Outsider", "Europe/Sofia");
        world.awaitPerson(invitee, outsider);
        api = new Api(port);
        tokens = Map.of(
                "{organizer}", world.tokenOf(trakia.coordinatorId()),
                "{invitee}", world.tokenOf(invitee),
                "{outsider}", world.tokenOf(outsider),
                "{ghost}", TestIssuer.get().person("ghost").sign());
        Response meeting = api.as(tokens.get("{organizer}"))
                .post(
                        "/api/v1/meetings",
                        json(Drafts.online(trakia.coordinatorId(), trakia.organizationId(), invitee)));
        assertThat(meeting.status()).as(meeting.text()).isEqualTo(201);
        fixture = Map.of(
                "{organization}", trakia.organizationId(),
                "{meeting}", meeting.field("id"),
                "{invitee}", invitee,
                "{outsider}", outsider,
                "{organizer}", trakia.coordinatorId());
        try (MeetingTopic topic = new MeetingTopic()) {
            recordsBefore = topic.await(meeting.field("id"), "scheduled").size();
        }
        relay.sweep();
        meetingsBefore = mongo.getCollection("meetings").countDocuments();
        registrationsBefore = mongo.getCollection("registrations").countDocuments();
        versionBefore = version(meeting.field("id"));
        publishedBefore = published();
    }

    @AfterAll
    void close() {
        world.close();
    }

    record Case(
            String name,
            HttpMethod method,
            String path,
            String body,
            Map<String, String> headers,
            int status,
            String field,
            String as) {

        /** The same case, sent by another person of the fixture. */
        Case by(String person) {
            return new Case(name, method, path, body, headers, status, field, person);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String meetings = "/api/v1/meetings";
        // scheduling
        cases.add(post("malformed JSON", meetings, "{\"title\": ", 400, null));
        cases.add(post("no body", meetings, null, 400, null));
        cases.add(post("a JSON array instead of an object", meetings, "[]", 400, null));
        cases.add(schedule("title as a number", "title", 42, 400, "title"));
        cases.add(schedule("unknown field", "colour", "red", 400, "colour"));
        cases.add(schedule("missing title", "title", null, 400, "title"));
        cases.add(schedule("title over 200 characters", "title", "x".repeat(201), 400, "title"));
        cases.add(schedule("title with a control character", "title", "Call\u0007", 400, "title"));
        cases.add(schedule("a huge description", "description", "d".repeat(100_000), 400, "description"));
        cases.add(schedule("end before start", "end", "2027-03-18T09:00:00+02:00", 422, "end"));
        cases.add(schedule("unknown time zone", "timeZone", "Europe/Atlantis", 400, "timeZone"));
        cases.add(schedule("an offset instead of a zone", "timeZone", "+02:00", 400, "timeZone"));
        cases.add(schedule("start without an offset", "start", "2027-03-18T10:00:00", 400, "start"));
        cases.add(schedule("start as a boolean", "start", true, 400, "start"));
        cases.add(schedule("end as an array", "end", List.of("2027-03-18T11:00:00+02:00"), 400, "end"));
        cases.add(schedule("online without a link", "onlineLink", null, 422, "onlineLink"));
        cases.add(schedule("a link that is no address", "onlineLink", "meet me there", 400, "onlineLink"));
        cases.add(schedule("in person without a venue", "format", "in_person", 422, "venue"));
        cases.add(schedule("unknown format", "format", "party", 400, "format"));
        cases.add(schedule(
                "venue in an unknown country",
                "venue",
                Map.of("name", "Зала", "city", "Пловдив", "country", "XX"),
                400,
                "venue.country"));
        cases.add(schedule("capacity 0", "capacity", 0, 400, "capacity"));
        cases.add(schedule("capacity as text", "capacity", "ten", 400, "capacity"));
        cases.add(schedule("0 seats per organization", "seatsPerOrganization", 0, 400, "seatsPerOrganization"));
        cases.add(schedule(
                "deadline after the start",
                "registrationDeadline",
                "2027-03-19T10:00:00+02:00",
                422,
                "registrationDeadline"));
        cases.add(schedule("RRULE nonsense", "rrule", "every tuesday", 400, "rrule"));
        cases.add(schedule("a daily RRULE", "rrule", "FREQ=DAILY;COUNT=3", 422, "rrule"));
        cases.add(schedule("an endless RRULE", "rrule", "FREQ=WEEKLY", 422, "rrule"));
        cases.add(schedule("500 occurrences", "rrule", "FREQ=WEEKLY;COUNT=500", 422, "rrule"));
        cases.add(schedule(
                "reminder of 0 minutes", "reminderMinutesBefore", List.of(0), 400, "reminderMinutesBefore[0]"));
        cases.add(schedule("no targets", "targets", List.of(), 400, "targets"));
        cases.add(schedule(
                "unknown target kind", "targets", List.of(Map.of("kind", "everyone")), 400, "targets[0].kind"));
        cases.add(schedule(
                "unknown role",
                "targets",
                List.of(Map.of("kind", "organization_members", "organizationId", "x", "roles", List.of("king"))),
                400,
                "targets[0].roles[0]"));
        cases.add(schedule("unknown organizer", "organizerId", "nobody", 422, "organizerId"));
        cases.add(schedule("organizer who is no coordinator", "organizerId", "{invitee}", 422, "organizerId"));
        cases.add(schedule("organizer id over 64 characters", "organizerId", "o".repeat(65), 400, "organizerId"));
        cases.add(schedule("unknown organization", "organizationId", "nowhere", 422, "organizationId"));
        cases.add(schedule(
                "unknown invited person", "targets", List.of(Drafts.person("ghost")), 422, "targets[0].personId"));
        cases.add(schedule(
                "unknown invited organization",
                "targets",
                List.of(Drafts.members("nowhere")),
                422,
                "targets[0].organizationId"));
        cases.add(schedule("unknown project", "projectId", "no-project", 422, "projectId"));
        cases.add(
                check("conflicts of a draft ending before it starts", "end", "2027-03-18T09:00:00+02:00", 422, "end"));
        cases.add(check("conflicts of a draft in an unknown zone", "timeZone", "Europe/Atlantis", 400, "timeZone"));
        cases.add(check("conflicts of a draft without a start", "start", null, 400, "start"));
        cases.add(check("conflicts of a draft with a title", "title", "Coordination call", 400, "title"));
        cases.add(check("conflicts of a draft without targets", "targets", List.of(), 400, "targets"));
        cases.add(check("conflicts of a draft with a daily RRULE", "rrule", "FREQ=DAILY;COUNT=3", 422, "rrule"));
        cases.add(check(
                "conflicts of a draft of an unknown organization", "organizationId", "nowhere", 422, "organizationId"));
        cases.add(check("conflicts of a draft by a non-coordinator", "organizerId", "{invitee}", 422, "organizerId"));
        cases.add(check(
                "conflicts of a draft inviting an unknown person",
                "targets",
                List.of(Drafts.person("ghost")),
                422,
                "targets[0].personId"));
        cases.add(check("conflicts of a draft of an unknown project", "projectId", "no-project", 422, "projectId"));
        cases.add(new Case(
                "malformed Idempotency-Key",
                HttpMethod.POST,
                meetings,
                json(valid()),
                Map.of("Idempotency-Key", "not a key!"),
                400,
                null,
                "{organizer}"));
        // changing
        String meeting = meetings + "/{meeting}";
        cases.add(post(
                "reschedule ending before the start",
                meeting + "/reschedule",
                json(Map.of("start", "2027-03-18T10:00:00+02:00", "end", "2027-03-18T09:00:00+02:00")),
                422,
                "end"));
        cases.add(post(
                "reschedule into an unknown zone",
                meeting + "/reschedule",
                json(Map.of(
                        "start", "2027-03-18T10:00:00+02:00", "end", "2027-03-18T11:00:00+02:00", "timeZone", "Mars")),
                400,
                "timeZone"));
        cases.add(post(
                "reschedule an unknown meeting",
                meetings + "/nope/reschedule",
                json(Map.of("start", "2027-03-18T10:00:00+02:00", "end", "2027-03-18T11:00:00+02:00")),
                404,
                null));
        cases.add(new Case(
                "If-Match that is no ETag",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("title", "x")),
                Map.of("If-Match", "yesterday"),
                400,
                null,
                "{organizer}"));
        cases.add(
                call("PATCH with a blank title", HttpMethod.PATCH, meeting, json(Map.of("title", "  ")), 400, "title"));
        cases.add(
                call("PATCH with capacity 0", HttpMethod.PATCH, meeting, json(Map.of("capacity", 0)), 400, "capacity"));
        cases.add(call(
                "PATCH to in person without a venue",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("format", "in_person")),
                422,
                "venue"));
        cases.add(call(
                "PATCH of the time",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("start", "2027-01-01T10:00:00Z")),
                400,
                "start"));
        cases.add(post(
                "cancel with a reason over 1000 characters",
                meeting + "/cancel",
                json(Map.of("reason", "r".repeat(1001))),
                400,
                "reason"));
        cases.add(post("mark a future meeting held", meeting + "/held", null, 422, "status"));
        cases.add(post(
                "move an occurrence of a single meeting",
                meeting + "/occurrences/2027-03-18T10:00:00+02:00/reschedule",
                json(Map.of("start", "2027-03-18T10:00:00+02:00", "end", "2027-03-18T11:00:00+02:00")),
                422,
                "recurrenceId"));
        cases.add(post(
                "an occurrence that is no time", meeting + "/occurrences/monday/cancel", null, 400, "recurrenceId"));
        // registrations
        String registrations = meeting + "/registrations";
        cases.add(post(
                        "answer by an unknown person",
                        registrations,
                        json(Map.of("personId", "ghost", "answer", "accepted")),
                        422,
                        "personId")
                .by("{ghost}"));
        cases.add(post(
                        "answer by someone not invited",
                        registrations,
                        json(Map.of("personId", "{outsider}", "answer", "accepted")),
                        422,
                        "personId")
                .by("{outsider}"));
        cases.add(post(
                        "unknown answer",
                        registrations,
                        json(Map.of("personId", "{invitee}", "answer", "maybe")),
                        400,
                        "answer")
                .by("{invitee}"));
        cases.add(post(
                        "an occurrence of a single meeting",
                        registrations,
                        json(Map.of(
                                "personId",
                                "{invitee}",
                                "answer",
                                "accepted",
                                "occurrence",
                                "2027-03-18T10:00:00+02:00")),
                        422,
                        "occurrence")
                .by("{invitee}"));
        cases.add(post(
                        "an occurrence that is no time",
                        registrations,
                        json(Map.of("personId", "{invitee}", "answer", "accepted", "occurrence", "monday")),
                        400,
                        "occurrence")
                .by("{invitee}"));
        cases.add(call(
                "registrations of an occurrence that is no time",
                HttpMethod.GET,
                registrations + "?occurrence=monday",
                null,
                400,
                "occurrence"));
        cases.add(post(
                        "answer to an unknown meeting",
                        meetings + "/nope/registrations",
                        json(Map.of("personId", "{invitee}", "answer", "accepted")),
                        404,
                        null)
                .by("{invitee}"));
        // minutes
        cases.add(post(
                "minutes of a meeting not held", meeting + "/minutes", json(Map.of("summary", "s")), 422, "status"));
        cases.add(post(
                "minutes without a summary",
                meeting + "/minutes",
                json(Map.of("decisions", List.of("d"))),
                400,
                "summary"));
        // time zones
        cases.add(post(
                "slot finder over 31 days",
                "/api/v1/slot-finder",
                json(Map.of(
                        "targets",
                        List.of(Drafts.person("{invitee}")),
                        "durationMinutes",
                        60,
                        "from",
                        "2027-01-01",
                        "to",
                        "2027-03-01",
                        "timeZone",
                        "Europe/Sofia")),
                422,
                "to"));
        cases.add(post(
                "slot finder with 5 minutes",
                "/api/v1/slot-finder",
                json(Map.of(
                        "targets",
                        List.of(Drafts.person("{invitee}")),
                        "durationMinutes",
                        5,
                        "from",
                        "2027-01-01",
                        "to",
                        "2027-01-03",
                        "timeZone",
                        "Europe/Sofia")),
                400,
                "durationMinutes"));
        cases.add(post(
                "time-zone view ending before it starts",
                "/api/v1/time-zone-view",
                json(Map.of(
                        "start",
                        "2027-01-01T10:00:00Z",
                        "end",
                        "2027-01-01T09:00:00Z",
                        "targets",
                        List.of(Drafts.person("{invitee}")))),
                422,
                "end"));
        // queries
        cases.add(call("unknown status", HttpMethod.GET, meetings + "?status=postponed", null, 400, "status"));
        cases.add(call("page size 0", HttpMethod.GET, meetings + "?size=0", null, 400, "size"));
        cases.add(call("page size 101", HttpMethod.GET, meetings + "?size=101", null, 400, "size"));
        cases.add(call("from that is no time", HttpMethod.GET, meetings + "?from=soon", null, 400, "from"));
        cases.add(call("unknown meeting", HttpMethod.GET, meetings + "/nope", null, 404, null));
        cases.add(call("calendar of an unknown meeting", HttpMethod.GET, meetings + "/nope.ics", null, 404, null));
        cases.add(call("feed with an unknown token", HttpMethod.GET, "/api/v1/calendars/guess.ics", null, 404, null));
        cases.add(post("feed token for an unknown person", "/api/v1/people/ghost/calendar-token", null, 404, null)
                .by("{ghost}"));
        // size limits on strings and lists, each named
        cases.add(schedule(
                "organization id over 64 characters", "organizationId", "o".repeat(65), 400, "organizationId"));
        cases.add(schedule("project id over 64 characters", "projectId", "p".repeat(65), 400, "projectId"));
        cases.add(schedule("an empty organizer id", "organizerId", "", 400, "organizerId"));
        cases.add(schedule(
                "a link over 2048 characters", "onlineLink", "https://x.org/" + "l".repeat(2048), 400, "onlineLink"));
        cases.add(schedule(
                "an RRULE over 200 characters", "rrule", "FREQ=WEEKLY;COUNT=3" + ";".repeat(200), 400, "rrule"));
        cases.add(schedule(
                "51 agenda points",
                "agenda",
                java.util.Collections.nCopies(51, Map.of("title", "Point")),
                400,
                "agenda"));
        cases.add(schedule(
                "an agenda point title over 200 characters",
                "agenda",
                List.of(Map.of("title", "t".repeat(201))),
                400,
                "agenda[0].title"));
        cases.add(schedule(
                "a presenter over 200 characters",
                "agenda",
                List.of(Map.of("title", "Point", "presenter", "p".repeat(201))),
                400,
                "agenda[0].presenter"));
        cases.add(schedule(
                "six reminders", "reminderMinutesBefore", List.of(1, 2, 3, 4, 5, 6), 400, "reminderMinutesBefore"));
        cases.add(schedule(
                "201 targets",
                "targets",
                java.util.Collections.nCopies(201, Drafts.person("{invitee}")),
                400,
                "targets"));
        cases.add(schedule(
                "a target's person id over 64 characters",
                "targets",
                List.of(Drafts.person("p".repeat(65))),
                400,
                "targets[0].personId"));
        cases.add(schedule(
                "five roles in a target",
                "targets",
                List.of(Map.of(
                        "kind",
                        "organization_members",
                        "organizationId",
                        "{organization}",
                        "roles",
                        List.of("member", "member", "member", "member", "member"))),
                400,
                "targets[0].roles"));
        cases.add(schedule(
                "a venue name over 200 characters",
                "venue",
                Map.of("name", "n".repeat(201), "city", "Пловдив", "country", "BG"),
                400,
                "venue.name"));
        cases.add(call(
                "PATCH with a description over 4000 characters",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("description", "d".repeat(4001))),
                400,
                "description"));
        cases.add(call(
                "PATCH with 51 agenda points",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("agenda", java.util.Collections.nCopies(51, Map.of("title", "Point")))),
                400,
                "agenda"));
        cases.add(post(
                        "answer for a person id over 64 characters",
                        registrations,
                        json(Map.of("personId", "p".repeat(65), "answer", "accepted")),
                        400,
                        "personId")
                .by("{invitee}"));
        cases.add(post(
                "minutes with 101 decisions",
                meeting + "/minutes",
                json(Map.of("summary", "s", "decisions", java.util.Collections.nCopies(101, "d"))),
                400,
                "decisions"));
        cases.add(post(
                "minutes with a decision over 2000 characters",
                meeting + "/minutes",
                json(Map.of("summary", "s", "decisions", List.of("d".repeat(2001)))),
                400,
                "decisions[0]"));
        cases.add(post(
                "minutes with 101 action items",
                meeting + "/minutes",
                json(Map.of(
                        "summary", "s", "actionItems", java.util.Collections.nCopies(101, Map.of("description", "a")))),
                400,
                "actionItems"));
        cases.add(post(
                "minutes with a summary over 20000 characters",
                meeting + "/minutes",
                json(Map.of("summary", "s".repeat(20_001))),
                400,
                "summary"));
        cases.add(post(
                "a draft view with 201 targets",
                "/api/v1/time-zone-view",
                json(Map.of(
                        "start",
                        "2027-01-01T10:00:00Z",
                        "end",
                        "2027-01-01T11:00:00Z",
                        "targets",
                        java.util.Collections.nCopies(201, Drafts.person("{invitee}")))),
                400,
                "targets"));
        cases.add(call(
                "organization filter over 64 characters",
                HttpMethod.GET,
                meetings + "?organizationId=" + "o".repeat(65),
                null,
                400,
                "organizationId"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void bad_input_gets_a_clear_problem_and_changes_nothing(Case bad) {
        Response response = api.as(tokens.get(bad.as()))
                .call(
                        bad.method(),
                        resolve(bad.path()),
                        bad.body() == null ? null : resolve(bad.body()),
                        bad.headers());

        assertThat(response.status()).as(response.text()).isEqualTo(bad.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
        if (bad.field() != null) {
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as(response.text())
                    .contains(bad.field());
        }
        assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(meetingsBefore);
        assertThat(mongo.getCollection("registrations").countDocuments()).isEqualTo(registrationsBefore);
        assertThat(version(fixture.get("{meeting}"))).isEqualTo(versionBefore);
    }

    @Test
    @Order(2)
    void nothing_was_published_for_any_of_it() {
        // a whole sweep of the outbox, run here and now: whatever was waiting would be published by it
        relay.sweep();
        assertThat(published()).isEqualTo(publishedBefore);
        assertThat(relay.pendingAggregates()).isZero();
        try (MeetingTopic topic = new MeetingTopic()) {
            assertThat(topic.after(fixture.get("{meeting}"), java.time.Duration.ofSeconds(2)))
                    .hasSize(recordsBefore);
        }
    }

    private double published() {
        var counter = meters.find("concordia.outbox.published").counter();
        return counter == null ? 0 : counter.count();
    }

    private String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> entry : fixture.entrySet()) {
            resolved = resolved.replace(entry.getKey(), entry.getValue());
        }
        return resolved;
    }

    private long version(String id) {
        return mongo.getCollection("meetings")
                .find(new Document("_id", id))
                .first()
                .get("version", Number.class)
                .longValue();
    }

    /** The valid request, as cases() builds it before the fixture exists: placeholders resolved per call. */
    private static Map<String, Object> valid() {
        return Drafts.online("{organizer}", "{organization}", "{invitee}");
    }

    private static Case schedule(String name, String field, Object value, int status, String problemField) {
        return post(name, "/api/v1/meetings", json(with(validTemplate(), field, value)), status, problemField);
    }

    private static Case check(String name, String field, Object value, int status, String problemField) {
        return post(
                name,
                "/api/v1/meetings/conflicts",
                json(with(Drafts.conflictCheck(validTemplate()), field, value)),
                status,
                problemField);
    }

    private static Map<String, Object> validTemplate() {
        return Drafts.online("{organizer}", "{organization}", "{invitee}");
    }

    private static Case post(String name, String path, String body, int status, String field) {
        return call(name, HttpMethod.POST, path, body, status, field);
    }

    private static Case call(String name, HttpMethod method, String path, String body, int status, String field) {
        return new Case(name, method, path, body, Map.of(), status, field, "{organizer}");
    }
}
