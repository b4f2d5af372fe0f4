package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.World;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every access rule of event-service over real HTTP, allowed and denied: who may schedule, change and cancel a
 * meeting and publish its minutes (coordinators of the organizing organization or of its parent), who answers an
 * invitation (the person, or a coordinator of their delegation), who reads what (public details for any caller,
 * registrations, invitees, minutes and local times for participants), and whose feed token is whose. A denied call
 * changes nothing; no token is a 401.
 *
 * <p>The world: a movement with a chapter that organizes the meetings; a guest organization invited as a whole; a
 * person invited by name; a coordinator of an unrelated organization; an operator; a client acting for itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends IntegrationTest {

    /** Who calls. */
    enum Who {
        /** Coordinator of the chapter that organizes the meetings, and their organizer. */
        CHAPTER_COORDINATOR,
        /** Coordinator of the movement the chapter belongs to. */
        MOVEMENT_COORDINATOR,
        /** A plain member of the organizing chapter. */
        CHAPTER_MEMBER,
        /** Coordinator of the invited guest organization. */
        GUEST_COORDINATOR,
        /** A member of the invited guest organization. */
        DELEGATE,
        /** A person invited by name. */
        INVITEE,
        /** Coordinator of an organization that has nothing to do with the meetings. */
        OUTSIDER,
        OPERATOR,
        /** A client-credentials token, no person. */
        CLIENT,
        /** No token at all. */
        NOBODY
    }

    /** The meeting a case acts on: fresh for a call that is allowed (it changes it), shared for denied ones. */
    enum Fixture {
        NONE,
        FUTURE,
        SERIES,
        /** Over, not yet marked held. */
        PAST,
        HELD,
        MINUTED,
        ANSWERED
    }

    record Case(String rule, Who who, HttpMethod method, String path, String body, Fixture fixture, int status) {
        @Override
        public String toString() {
            return rule + " — " + who + " → " + status;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    private Api api;
    private World world;
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<String, String> people = new HashMap<>();
    private final Map<Fixture, Map<String, String>> shared = new EnumMap<>(Fixture.class);
    private String chapter;

    @BeforeAll
    void world() {
        world = new World(directory);
        World.Coordinated movement = world.coordinated("ALLATRA international movement", "Europe/Sofia");
        chapter = world.organization("ALLATRA Bulgaria", movement.organizationId());
        String guest = world.organization("Община Пловдив", null);
        String other = world.organization("Unrelated association", null);
        world.awaitOrganization(chapter);
        world.awaitOrganization(guest);
        world.awaitOrganization(other);
        String chapterCoordinator = world.person("Георги Петров", "Europe/Sofia");
        String chapterMember = world.person("Мария Иванова", "Europe/Sofia");
        String guestCoordinator = world.person("Елена Димитрова", "Europe/Sofia");
        String delegate = world.person("Иван Петров", "Europe/Sofia");
        String invitee = world.person("Olivia Bennett", "Australia/Sydney");
        String outsider = world.person("Daniel Carter", "America/New_York");
        world.awaitPerson(chapterCoordinator, chapterMember, guestCoordinator, delegate, invitee, outsider);
        world.member(chapter, chapterCoordinator, "coordinator");
        world.member(chapter, chapterMember, "member");
        world.member(guest, guestCoordinator, "coordinator");
        world.member(guest, delegate, "member");
        world.member(other, outsider, "coordinator");
        world.awaitMember(chapter, chapterCoordinator);
        world.awaitMember(chapter, chapterMember);
        world.awaitMember(guest, guestCoordinator);
        world.awaitMember(guest, delegate);
        world.awaitMember(other, outsider);

        tokens.put(Who.CHAPTER_COORDINATOR, world.tokenOf(chapterCoordinator));
        tokens.put(Who.MOVEMENT_COORDINATOR, world.tokenOf(movement.coordinatorId()));
        tokens.put(Who.CHAPTER_MEMBER, world.tokenOf(chapterMember));
        tokens.put(Who.GUEST_COORDINATOR, world.tokenOf(guestCoordinator));
        tokens.put(Who.DELEGATE, world.tokenOf(delegate));
        tokens.put(Who.INVITEE, world.tokenOf(invitee));
        tokens.put(Who.OUTSIDER, world.tokenOf(outsider));
        tokens.put(
                Who.OPERATOR, TestIssuer.get().person(World.newId()).operator().sign());
        tokens.put(Who.CLIENT, TestIssuer.get().client("reporting-tool").sign());
        people.put("{chapter}", chapter);
        people.put("{guest}", guest);
        people.put("{invitee}", invitee);
        people.put("{delegate}", delegate);
        people.put("{outsider}", outsider);
        api = new Api(port);
    }

    @AfterAll
    void close() {
        world.close();
    }

    static Stream<Case> rules() {
        List<Case> cases = new ArrayList<>();
        String meeting = "/api/v1/meetings/{meeting}";
        String draft = json(draft());
        Who[] organizers = {Who.CHAPTER_COORDINATOR, Who.MOVEMENT_COORDINATOR};
        Who[] participantsWhoMayNotChange = {Who.CHAPTER_MEMBER, Who.GUEST_COORDINATOR, Who.DELEGATE, Who.INVITEE};
        Who[] strangers = {Who.OUTSIDER, Who.OPERATOR, Who.CLIENT};

        // changes: coordinators of the organizing organization or of its parent
        rule(cases, "schedule a meeting", HttpMethod.POST, "/api/v1/meetings", draft, Fixture.NONE, 201, organizers);
        deny(cases, "schedule a meeting", HttpMethod.POST, "/api/v1/meetings", draft, Fixture.NONE, Who.CHAPTER_MEMBER);
        deny(cases, "schedule a meeting", HttpMethod.POST, "/api/v1/meetings", draft, Fixture.NONE, strangers);
        deny(
                cases,
                "schedule a meeting",
                HttpMethod.POST,
                "/api/v1/meetings",
                draft,
                Fixture.NONE,
                Who.GUEST_COORDINATOR);
        String check = json(Drafts.conflictCheck(draft()));
        String conflicts = "/api/v1/meetings/conflicts";
        rule(cases, "check a draft for conflicts", HttpMethod.POST, conflicts, check, Fixture.NONE, 200, organizers);
        deny(cases, "check a draft for conflicts", HttpMethod.POST, conflicts, check, Fixture.NONE, Who.CHAPTER_MEMBER);
        deny(cases, "check a draft for conflicts", HttpMethod.POST, conflicts, check, Fixture.NONE, strangers);
        deny(
                cases,
                "check a draft for conflicts",
                HttpMethod.POST,
                conflicts,
                check,
                Fixture.NONE,
                Who.GUEST_COORDINATOR);
        String moved = json(Map.of("start", "2027-04-16T10:00:00+03:00", "end", "2027-04-16T11:00:00+03:00"));
        change(cases, "reschedule", HttpMethod.POST, meeting + "/reschedule", moved, Fixture.FUTURE, 200);
        change(
                cases,
                "change the agenda and capacity",
                HttpMethod.PATCH,
                meeting,
                json(Map.of("capacity", 40, "agenda", List.of(Map.of("title", "Budget")))),
                Fixture.FUTURE,
                200);
        change(
                cases,
                "cancel",
                HttpMethod.POST,
                meeting + "/cancel",
                json(Map.of("reason", "Moved online")),
                Fixture.FUTURE,
                200);
        change(cases, "mark held", HttpMethod.POST, meeting + "/held", null, Fixture.PAST, 200);
        change(
                cases,
                "move an occurrence",
                HttpMethod.POST,
                meeting + "/occurrences/2027-04-15T10:00:00+03:00/reschedule",
                moved,
                Fixture.SERIES,
                200);
        change(
                cases,
                "cancel an occurrence",
                HttpMethod.POST,
                meeting + "/occurrences/2027-04-15T10:00:00+03:00/cancel",
                null,
                Fixture.SERIES,
                200);
        change(cases, "publish the minutes", HttpMethod.POST, meeting + "/minutes", minutes(), Fixture.HELD, 201);
        change(
                cases,
                "correct the minutes",
                HttpMethod.PUT,
                meeting + "/minutes",
                json(Map.of("summary", "Corrected", "changeNote", "Names fixed")),
                Fixture.MINUTED,
                200);
        change(
                cases,
                "close an action item",
                HttpMethod.POST,
                meeting + "/action-items/{item}/close",
                null,
                Fixture.MINUTED,
                200);

        // answers: the person, or a coordinator of the organization through which they are invited
        String registrations = meeting + "/registrations";
        rule(
                cases,
                "answer one's own invitation",
                HttpMethod.POST,
                registrations,
                json(Map.of("answer", "accepted")),
                Fixture.FUTURE,
                200,
                Who.INVITEE,
                Who.DELEGATE);
        rule(
                cases,
                "answer for a delegate of one's organization",
                HttpMethod.POST,
                registrations,
                json(Map.of("personId", "{delegate}", "answer", "accepted")),
                Fixture.FUTURE,
                200,
                Who.GUEST_COORDINATOR);
        deny(
                cases,
                "answer for a delegate of one's organization",
                HttpMethod.POST,
                registrations,
                json(Map.of("personId", "{delegate}", "answer", "accepted")),
                Fixture.FUTURE,
                Who.INVITEE,
                Who.CHAPTER_MEMBER,
                Who.OUTSIDER,
                Who.OPERATOR,
                Who.CLIENT,
                Who.NOBODY);
        deny(
                cases,
                "answer for a person invited by name",
                HttpMethod.POST,
                registrations,
                json(Map.of("personId", "{invitee}", "answer", "declined")),
                Fixture.FUTURE,
                Who.CHAPTER_COORDINATOR,
                Who.GUEST_COORDINATOR,
                Who.DELEGATE);
        deny(
                cases,
                "answer without being a person",
                HttpMethod.POST,
                registrations,
                json(Map.of("answer", "accepted")),
                Fixture.FUTURE,
                Who.CLIENT,
                Who.NOBODY);

        // reads any caller may make: public details
        Who[] everyone = {
            Who.CHAPTER_COORDINATOR,
            Who.MOVEMENT_COORDINATOR,
            Who.CHAPTER_MEMBER,
            Who.GUEST_COORDINATOR,
            Who.DELEGATE,
            Who.INVITEE,
            Who.OUTSIDER,
            Who.OPERATOR,
            Who.CLIENT
        };
        rule(cases, "read a meeting", HttpMethod.GET, meeting, null, Fixture.FUTURE, 200, everyone);
        rule(
                cases,
                "list meetings",
                HttpMethod.GET,
                "/api/v1/meetings?organizationId={chapter}",
                null,
                Fixture.NONE,
                200,
                everyone);
        rule(cases, "read the agenda", HttpMethod.GET, meeting + "/agenda", null, Fixture.FUTURE, 200, everyone);
        rule(
                cases,
                "read the meeting's iCalendar file",
                HttpMethod.GET,
                meeting + ".ics",
                null,
                Fixture.FUTURE,
                200,
                everyone);
        rule(cases, "read a meeting", HttpMethod.GET, meeting, null, Fixture.FUTURE, 401, Who.NOBODY);
        rule(cases, "list meetings", HttpMethod.GET, "/api/v1/meetings", null, Fixture.NONE, 401, Who.NOBODY);
        rule(
                cases,
                "read the meeting's iCalendar file",
                HttpMethod.GET,
                meeting + ".ics",
                null,
                Fixture.FUTURE,
                401,
                Who.NOBODY);

        // reads for participants only
        Who[] participants = {
            Who.CHAPTER_COORDINATOR,
            Who.MOVEMENT_COORDINATOR,
            Who.CHAPTER_MEMBER,
            Who.GUEST_COORDINATOR,
            Who.DELEGATE,
            Who.INVITEE
        };
        rule(cases, "list registrations", HttpMethod.GET, registrations, null, Fixture.ANSWERED, 200, participants);
        deny(cases, "list registrations", HttpMethod.GET, registrations, null, Fixture.ANSWERED, strangers);
        deny(cases, "list registrations", HttpMethod.GET, registrations, null, Fixture.ANSWERED, Who.NOBODY);
        rule(
                cases,
                "read one registration",
                HttpMethod.GET,
                registrations + "/{invitee}",
                null,
                Fixture.ANSWERED,
                200,
                participants);
        deny(
                cases,
                "read one registration",
                HttpMethod.GET,
                registrations + "/{invitee}",
                null,
                Fixture.ANSWERED,
                strangers);
        rule(
                cases,
                "read the local times of the invitees",
                HttpMethod.GET,
                meeting + "/local-times",
                null,
                Fixture.FUTURE,
                200,
                participants);
        deny(
                cases,
                "read the local times of the invitees",
                HttpMethod.GET,
                meeting + "/local-times",
                null,
                Fixture.FUTURE,
                strangers);

        // planning drafts: coordinators
        String view = json(Map.of(
                "start", "2027-04-15T10:00:00+03:00",
                "end", "2027-04-15T11:00:00+03:00",
                "targets", List.of(Drafts.members("{guest}"))));
        rule(
                cases,
                "view a draft in every zone",
                HttpMethod.POST,
                "/api/v1/time-zone-view",
                view,
                Fixture.NONE,
                200,
                Who.CHAPTER_COORDINATOR,
                Who.OUTSIDER);
        deny(
                cases,
                "view a draft in every zone",
                HttpMethod.POST,
                "/api/v1/time-zone-view",
                view,
                Fixture.NONE,
                Who.CHAPTER_MEMBER,
                Who.INVITEE,
                Who.OPERATOR,
                Who.CLIENT,
                Who.NOBODY);
        String slots = json(Map.of(
                "targets", List.of(Drafts.members("{guest}")),
                "durationMinutes", 60,
                "from", "2027-04-12",
                "to", "2027-04-13",
                "timeZone", "Europe/Sofia"));
        rule(
                cases,
                "find slots",
                HttpMethod.POST,
                "/api/v1/slot-finder",
                slots,
                Fixture.NONE,
                200,
                Who.GUEST_COORDINATOR);
        deny(
                cases,
                "find slots",
                HttpMethod.POST,
                "/api/v1/slot-finder",
                slots,
                Fixture.NONE,
                Who.DELEGATE,
                Who.OPERATOR,
                Who.CLIENT,
                Who.NOBODY);

        // a person's own feed token
        rule(
                cases,
                "renew one's calendar feed token",
                HttpMethod.POST,
                "/api/v1/people/{invitee}/calendar-token",
                null,
                Fixture.NONE,
                200,
                Who.INVITEE);
        deny(
                cases,
                "renew one's calendar feed token",
                HttpMethod.POST,
                "/api/v1/people/{invitee}/calendar-token",
                null,
                Fixture.NONE,
                Who.CHAPTER_COORDINATOR,
                Who.OUTSIDER,
                Who.OPERATOR,
                Who.CLIENT,
                Who.NOBODY);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_rule_lets_the_right_callers_through_and_refuses_the_others(Case rule) {
        boolean allowed = rule.status() < 400;
        // an allowed change gets a meeting of its own; reads and refusals change nothing and share one
        boolean changes = allowed && rule.method() != HttpMethod.GET;
        Map<String, String> fixture = changes ? prepare(rule.fixture()) : shared(rule.fixture());
        String before = fixture.containsKey("{meeting}") ? etag(fixture.get("{meeting}")) : null;

        Response response = as(rule.who())
                .call(
                        rule.method(),
                        resolve(rule.path(), fixture),
                        rule.body() == null ? null : resolve(rule.body(), fixture),
                        Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(rule.status());
        if (!allowed) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("status").asInt()).isEqualTo(rule.status());
            if (before != null) {
                assertThat(etag(fixture.get("{meeting}")))
                        .as("a refused call changes nothing")
                        .isEqualTo(before);
            }
        }
    }

    @Test
    void participants_see_invitees_their_addresses_the_link_and_the_minutes_and_others_the_public_details() {
        String id = prepare(Fixture.MINUTED).get("{meeting}");

        JsonNode full = as(Who.DELEGATE).get("/api/v1/meetings/" + id).json();
        assertThat(full.path("visibility").asString()).isEqualTo("participant");
        assertThat(full.path("invitees").findValuesAsString("email")).hasSize(1).allMatch(e -> e.contains("@"));
        assertThat(full.path("organizer").path("email").asString()).contains("@");
        assertThat(full.path("onlineLink").asString()).startsWith("https://");
        assertThat(full.path("minutes")).hasSize(1);

        for (Who stranger : List.of(Who.OUTSIDER, Who.OPERATOR, Who.CLIENT)) {
            JsonNode shown = as(stranger).get("/api/v1/meetings/" + id).json();
            assertThat(shown.path("visibility").asString()).isEqualTo("public");
            assertThat(shown.path("title").asString()).isEqualTo("Regional coordination");
            assertThat(shown.path("agenda").findValuesAsString("title")).contains("Round of news");
            assertThat(shown.path("organizer").path("fullName").asString()).isEqualTo("Георги Петров");
            assertThat(absent(shown.path("organizer").path("email"))).isTrue();
            assertThat(shown.path("invitees")).isEmpty();
            assertThat(shown.path("minutes")).isEmpty();
            assertThat(absent(shown.path("onlineLink"))).isTrue();
            assertThat(shown.path("targets").findValuesAsString("kind")).containsExactly("organization_members");
            assertThat(shown.toString()).doesNotContain("@example.org");
        }
        JsonNode listed = as(Who.OUTSIDER)
                .get("/api/v1/meetings?organizationId=" + chapter + "&size=100")
                .json();
        assertThat(listed.path("content").findValuesAsString("visibility")).containsOnly("public");
        assertThat(listed.toString()).doesNotContain("@example.org");
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    @Test
    void the_meetings_calendar_file_names_attendees_for_participants_only() {
        String id = prepare(Fixture.ANSWERED).get("{meeting}");
        String participant =
                as(Who.CHAPTER_MEMBER).get("/api/v1/meetings/" + id + ".ics").text();
        assertThat(participant).contains("ATTENDEE", "ORGANIZER", "meet.jit.si");
        String stranger =
                as(Who.OUTSIDER).get("/api/v1/meetings/" + id + ".ics").text();
        assertThat(stranger).contains("UID:" + id, "SUMMARY:Regional coordination");
        assertThat(stranger).doesNotContain("ATTENDEE", "ORGANIZER", "mailto:", "meet.jit.si");
    }

    @Test
    void a_coordinator_registers_the_people_of_their_organization_within_its_delegation_seats() {
        String id = prepare(Fixture.FUTURE).get("{meeting}");
        Api coordinator = as(Who.GUEST_COORDINATOR);
        Response delegate = coordinator.post(
                "/api/v1/meetings/" + id + "/registrations",
                json(Map.of("personId", people.get("{delegate}"), "answer", "accepted")));
        assertThat(delegate.field("status")).as(delegate.text()).isEqualTo("confirmed");
        assertThat(delegate.field("organizationId")).isEqualTo(people.get("{guest}"));
        // one seat per organization: the coordinator's own acceptance waits behind their delegate
        Response themselves =
                coordinator.post("/api/v1/meetings/" + id + "/registrations", json(Map.of("answer", "accepted")));
        assertThat(themselves.field("status")).as(themselves.text()).isEqualTo("waitlisted");
    }

    @Test
    void the_feed_is_read_with_its_own_token_and_only_its_owner_renews_it() {
        String url = as(Who.INVITEE)
                .post("/api/v1/people/" + people.get("{invitee}") + "/calendar-token", null)
                .field("url");
        assertThat(api.get(url.substring(url.indexOf("/api/"))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendars/not-a-token.ics").status()).isEqualTo(404);
    }

    @Test
    void expired_tampered_foreign_and_misaddressed_tokens_are_refused_with_401() {
        String person = people.get("{invitee}");
        List<String> bad = List.of(
                TestIssuer.get().person(person).expired().sign(),
                TestIssuer.tampered(tokens.get(Who.INVITEE)),
                TestIssuer.get().person(person).signedByStranger().sign(),
                TestIssuer.get().person(person).audience("another-api").sign());
        for (String token : bad) {
            Response response = api.as(token).get("/api/v1/meetings");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text()).doesNotContain("expired", "signature", "audience");
        }
    }

    private Api as(Who who) {
        return who == Who.NOBODY ? api : api.as(tokens.get(who));
    }

    private Map<String, String> shared(Fixture fixture) {
        return shared.computeIfAbsent(fixture, this::prepare);
    }

    /** A meeting of the chapter in the state the fixture names, with the placeholders to reach it. */
    private Map<String, String> prepare(Fixture fixture) {
        Map<String, String> placeholders = new HashMap<>(people);
        if (fixture == Fixture.NONE) {
            return placeholders;
        }
        Api organizer = as(Who.CHAPTER_COORDINATOR);
        Map<String, Object> body = switch (fixture) {
            case SERIES -> with(draft(), "rrule", "FREQ=WEEKLY;COUNT=3");
            case PAST, HELD, MINUTED ->
                with(draft(), "start", "2026-11-05T10:00:00+02:00", "end", "2026-11-05T11:00:00+02:00");
            default -> draft();
        };
        Response scheduled = organizer.post("/api/v1/meetings", resolve(json(body), people));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        String id = scheduled.field("id");
        placeholders.put("{meeting}", id);
        if (fixture == Fixture.HELD || fixture == Fixture.MINUTED) {
            assertThat(organizer.post("/api/v1/meetings/" + id + "/held", null).status())
                    .isEqualTo(200);
        }
        if (fixture == Fixture.MINUTED) {
            Response published = organizer.post("/api/v1/meetings/" + id + "/minutes", minutes());
            assertThat(published.status()).as(published.text()).isEqualTo(201);
            placeholders.put(
                    "{item}",
                    published
                            .json()
                            .path("minutes")
                            .get(0)
                            .path("actionItems")
                            .get(0)
                            .path("id")
                            .asString());
        }
        if (fixture == Fixture.ANSWERED) {
            Response answered = as(Who.INVITEE)
                    .post("/api/v1/meetings/" + id + "/registrations", json(Map.of("answer", "accepted")));
            assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        }
        return placeholders;
    }

    /** The chapter's meeting: online, a guest organization and one person by name invited, one seat each. */
    private static Map<String, Object> draft() {
        return with(
                Drafts.online("unused", "{chapter}", "{invitee}"),
                "organizerId",
                null,
                "title",
                "Regional coordination",
                "start",
                "2027-04-15T10:00:00+03:00",
                "end",
                "2027-04-15T11:00:00+03:00",
                "registrationDeadline",
                null,
                "seatsPerOrganization",
                1,
                "targets",
                List.of(Drafts.person("{invitee}"), Drafts.members("{guest}")));
    }

    private static String minutes() {
        return json(Map.of(
                "summary",
                "Reports from the regions",
                "actionItems",
                List.of(Map.of("description", "Send the report"))));
    }

    private String etag(String meetingId) {
        return as(Who.CHAPTER_COORDINATOR).get("/api/v1/meetings/" + meetingId).etag();
    }

    private static String resolve(String text, Map<String, String> placeholders) {
        String resolved = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            resolved = resolved.replace(entry.getKey(), entry.getValue());
        }
        return resolved;
    }

    private static void rule(
            List<Case> cases,
            String rule,
            HttpMethod method,
            String path,
            String body,
            Fixture fixture,
            int status,
            Who... who) {
        for (Who caller : who) {
            cases.add(new Case(rule, caller, method, path, body, fixture, status));
        }
    }

    private static void deny(
            List<Case> cases, String rule, HttpMethod method, String path, String body, Fixture fixture, Who... who) {
        for (Who caller : who) {
            cases.add(new Case(rule, caller, method, path, body, fixture, caller == Who.NOBODY ? 401 : 403));
        }
    }

    /** A change to a meeting: its organizers may, every other participant and stranger may not, nobody gets 401. */
    private static void change(
            List<Case> cases, String rule, HttpMethod method, String path, String body, Fixture fixture, int status) {
        rule(cases, rule, method, path, body, fixture, status, Who.CHAPTER_COORDINATOR, Who.MOVEMENT_COORDINATOR);
        deny(
                cases,
                rule,
                method,
                path,
                body,
                fixture,
                Who.CHAPTER_MEMBER,
                Who.GUEST_COORDINATOR,
                Who.DELEGATE,
                Who.INVITEE,
                Who.OUTSIDER,
                Who.OPERATOR,
                Who.CLIENT,
                Who.NOBODY);
    }
}
