package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.organization.web.AccessRulesTest.Who.CLIENT;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_ELSEWHERE;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_OF_CHAPTER;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_OF_MOVEMENT;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_OF_MOVEMENT_AND_ELSEWHERE;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_OF_NEWCOMER;
import static org.concordia.organization.web.AccessRulesTest.Who.COORDINATOR_OF_PARTNER;
import static org.concordia.organization.web.AccessRulesTest.Who.MEMBER_OF_CHAPTER;
import static org.concordia.organization.web.AccessRulesTest.Who.NOBODY;
import static org.concordia.organization.web.AccessRulesTest.Who.OPERATOR;
import static org.concordia.organization.web.AccessRulesTest.Who.READER;
import static org.concordia.organization.web.AccessRulesTest.Who.THE_PERSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.concordia.organization.ServiceTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every access rule of the README's table over real HTTP, with the callers it allows and a choice of those it refuses
 * (no token: 401; a valid token without the right: 403, and nothing stored or published).
 *
 * <p>Each rule gets a fresh scene: a movement with a real coordinator, its chapter with a real member (the person), a
 * partner the chapter has a running partnership with, an unrelated organization, and a newcomer organization with no
 * coordinator yet. Tokens only claim roles (as identity-service's would); the records back the rules that read the
 * directory (onboarding, contact details).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends ServiceTest {

    /** Who calls: each one a token of the test issuer, read against the scene of the rule. */
    enum Who {
        NOBODY,
        READER,
        CLIENT,
        OPERATOR,
        THE_PERSON,
        MEMBER_OF_CHAPTER,
        COORDINATOR_OF_CHAPTER,
        COORDINATOR_OF_MOVEMENT,
        COORDINATOR_OF_PARTNER,
        COORDINATOR_ELSEWHERE,
        COORDINATOR_OF_MOVEMENT_AND_ELSEWHERE,
        COORDINATOR_OF_NEWCOMER;

        String token(Scene scene) {
            TestIssuer issuer = TestIssuer.get();
            return switch (this) {
                case NOBODY -> null;
                case READER -> issuer.person("reader-" + unique()).sign();
                case CLIENT -> issuer.client("tooling").sign();
                case OPERATOR -> issuer.client("operations").operator().sign();
                case THE_PERSON ->
                    issuer.person(scene.person())
                            .member(scene.chapter(), "member")
                            .sign();
                case MEMBER_OF_CHAPTER ->
                    issuer.person("member-" + unique())
                            .member(scene.chapter(), "member")
                            .sign();
                case COORDINATOR_OF_CHAPTER ->
                    issuer.person("coordinator-" + unique())
                            .member(scene.chapter(), "coordinator")
                            .sign();
                case COORDINATOR_OF_MOVEMENT ->
                    issuer.person(scene.coordinator())
                            .member(scene.movement(), "coordinator")
                            .sign();
                case COORDINATOR_OF_PARTNER ->
                    issuer.person("partner-" + unique())
                            .member(scene.partner(), "coordinator")
                            .sign();
                case COORDINATOR_ELSEWHERE ->
                    issuer.person("elsewhere-" + unique())
                            .member(scene.unrelated(), "coordinator")
                            .sign();
                case COORDINATOR_OF_MOVEMENT_AND_ELSEWHERE ->
                    issuer.person(scene.coordinator())
                            .member(scene.movement(), "coordinator")
                            .member(scene.unrelated(), "coordinator")
                            .sign();
                case COORDINATOR_OF_NEWCOMER ->
                    issuer.person("newcomer-" + unique())
                            .member(scene.newcomer(), "coordinator")
                            .sign();
            };
        }
    }

    /** The ids of one rule's fresh directory. */
    record Scene(
            String movement,
            String chapter,
            String partner,
            String unrelated,
            String newcomer,
            String coordinator,
            String person,
            String personName,
            String membership,
            String partnership) {}

    /** One request; built anew for every caller, so that a rule that creates something gets a fresh target. */
    record Call(HttpMethod method, String path, String body) {}

    private Scene shared;

    /** One scene for the rules that only read, built at the first of them. */
    private Scene sharedScene() {
        if (shared == null) {
            shared = scene();
        }
        return shared;
    }

    private Scene scene() {
        String tag = unique();
        String movement = registerOrganization("Movement " + tag, "US", null).id();
        String chapter = registerOrganization("Chapter " + tag, "BG", movement).id();
        String partner = registerOrganization("Partner " + tag, "PL", null).id();
        String unrelated = registerOrganization("Unrelated " + tag, "CZ", null).id();
        String newcomer = registerOrganization("Newcomer " + tag, "PT", null).id();
        String coordinator = registerPerson("Coordinator " + tag, "coordinator." + tag + "@movement.example")
                .id();
        join(movement, coordinator, "[\"coordinator\"]");
        String personName = "Person " + tag;
        String person =
                registerPerson(personName, "person." + tag + "@chapter.example").id();
        String membership = join(chapter, person, "[\"member\"]").id();
        String partnership =
                formPartnership(chapter, partner, "project_partnership").id();
        return new Scene(
                movement,
                chapter,
                partner,
                unrelated,
                newcomer,
                coordinator,
                person,
                personName,
                membership,
                partnership);
    }

    private static final String ORG = "/api/v1/organizations";

    Stream<Arguments> rules() {
        return Stream.of(
                rule(
                        "register a top-level organization: operators",
                        s -> post(ORG, organization(null)),
                        201,
                        List.of(OPERATOR),
                        List.of(READER, CLIENT, COORDINATOR_OF_MOVEMENT, COORDINATOR_ELSEWHERE)),
                rule(
                        "register a chapter: coordinators of the parent, or above it",
                        s -> post(ORG, organization(s.chapter())),
                        201,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR, CLIENT, MEMBER_OF_CHAPTER, THE_PERSON, COORDINATOR_ELSEWHERE)),
                rule(
                        "change an organization (PATCH): its coordinators, or its parent's",
                        s -> new Call(HttpMethod.PATCH, ORG + "/" + s.chapter(), "{\"city\": \"Пловдив\"}"),
                        200,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR, READER, MEMBER_OF_CHAPTER, COORDINATOR_ELSEWHERE, COORDINATOR_OF_PARTNER)),
                rule(
                        "replace an organization (PUT): its coordinators, or its parent's",
                        s -> new Call(HttpMethod.PUT, ORG + "/" + s.chapter(), organization(s.movement())),
                        200,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR, CLIENT, MEMBER_OF_CHAPTER, COORDINATOR_ELSEWHERE)),
                rule(
                        "move a chapter to another parent: coordinators of the former and the new parent",
                        s -> new Call(
                                HttpMethod.PATCH, ORG + "/" + s.chapter(), "{\"parentId\": \"" + s.unrelated() + "\"}"),
                        200,
                        List.of(COORDINATOR_OF_MOVEMENT_AND_ELSEWHERE),
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT, COORDINATOR_ELSEWHERE, OPERATOR)),
                rule(
                        "detach a chapter from its parent: coordinators of the parent",
                        s -> new Call(HttpMethod.PUT, ORG + "/" + s.chapter(), organization(null)),
                        200,
                        List.of(COORDINATOR_OF_MOVEMENT),
                        List.of(COORDINATOR_OF_CHAPTER, OPERATOR)),
                rule(
                        "archive an organization: its coordinators, or its parent's",
                        s -> post(ORG + "/" + s.chapter() + "/archive", null),
                        200,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR, MEMBER_OF_CHAPTER, COORDINATOR_ELSEWHERE)),
                rule(
                        "register a person: coordinators of any organization, operators",
                        s -> post("/api/v1/people", person(unique())),
                        201,
                        List.of(COORDINATOR_ELSEWHERE, COORDINATOR_OF_CHAPTER, OPERATOR),
                        List.of(READER, CLIENT, MEMBER_OF_CHAPTER, THE_PERSON)),
                rule(
                        "change a person's profile: the person",
                        s -> new Call(HttpMethod.PUT, "/api/v1/people/" + s.person(), person(unique())),
                        200,
                        List.of(THE_PERSON),
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT, OPERATOR, READER)),
                rule(
                        "add a member: coordinators of the organization, or of its parent",
                        s -> post(ORG + "/" + s.chapter() + "/members", joining("member")),
                        201,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR, MEMBER_OF_CHAPTER, THE_PERSON, COORDINATOR_ELSEWHERE)),
                rule(
                        "add the first coordinator of an organization without one: operators",
                        s -> post(ORG + "/" + s.newcomer() + "/members", joining("coordinator")),
                        201,
                        List.of(OPERATOR),
                        List.of(READER, CLIENT, COORDINATOR_ELSEWHERE)),
                rule(
                        "operators onboard coordinators only",
                        s -> post(ORG + "/" + s.newcomer() + "/members", joining("member")),
                        201,
                        List.of(COORDINATOR_OF_NEWCOMER),
                        List.of(OPERATOR)),
                rule(
                        "operators do not add coordinators where there is one",
                        s -> post(ORG + "/" + s.chapter() + "/members", joining("coordinator")),
                        201,
                        List.of(COORDINATOR_OF_MOVEMENT),
                        List.of(OPERATOR)),
                rule(
                        "change a member's roles: coordinators of the organization, or of its parent",
                        s -> new Call(
                                HttpMethod.PATCH,
                                "/api/v1/memberships/" + s.membership(),
                                "{\"roles\": [\"coordinator\"]}"),
                        200,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(THE_PERSON, MEMBER_OF_CHAPTER, OPERATOR, COORDINATOR_ELSEWHERE)),
                rule(
                        "end a membership: the member, coordinators of the organization",
                        s -> post("/api/v1/memberships/" + s.membership() + "/leave", null),
                        200,
                        List.of(THE_PERSON, COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(MEMBER_OF_CHAPTER, OPERATOR, COORDINATOR_ELSEWHERE)),
                rule(
                        "form a partnership: coordinators of the organization that records it",
                        s -> post("/api/v1/partnerships", partnership(s.chapter())),
                        201,
                        List.of(COORDINATOR_OF_CHAPTER, COORDINATOR_OF_MOVEMENT),
                        List.of(COORDINATOR_ELSEWHERE, MEMBER_OF_CHAPTER, OPERATOR, CLIENT)),
                rule(
                        "end a partnership: coordinators of either side",
                        s -> post("/api/v1/partnerships/" + s.partnership() + "/end", null),
                        200,
                        List.of(COORDINATOR_OF_PARTNER, COORDINATOR_OF_CHAPTER),
                        List.of(COORDINATOR_ELSEWHERE, MEMBER_OF_CHAPTER, OPERATOR)),
                // --- the directory: any valid token, a person's or a client's
                read("an organization", s -> ORG + "/" + s.chapter()),
                read("organizations", s -> ORG + "?parentId=" + s.movement()),
                read("chapters", s -> ORG + "/" + s.movement() + "/chapters"),
                read("ancestors", s -> ORG + "/" + s.chapter() + "/ancestors"),
                read("an organization's partnerships", s -> ORG + "/" + s.chapter() + "/partnerships"),
                read("a partnership", s -> "/api/v1/partnerships/" + s.partnership()),
                read("an organization's members", s -> ORG + "/" + s.chapter() + "/members"),
                read("a membership", s -> "/api/v1/memberships/" + s.membership()),
                read("people", s -> "/api/v1/people?nameContains=" + s.personName()),
                read("a person", s -> "/api/v1/people/" + s.person()),
                read("a person's memberships", s -> "/api/v1/people/" + s.person() + "/memberships"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void a_rule_allows_the_callers_it_names_and_refuses_the_others(
            String rule,
            Function<Scene, Call> request,
            int status,
            List<Who> allowed,
            List<Who> refused,
            boolean changes) {
        Scene scene = changes ? scene() : sharedScene();
        List<Who> denied = new ArrayList<>(List.of(NOBODY));
        denied.addAll(refused);
        // built first: a request may register what it needs (a person to add, a partner) before it is sent
        List<Call> calls = denied.stream().map(who -> request.apply(scene)).toList();
        Map<String, Long> stored = counts();
        int published = allEventsPublished().size();
        for (int i = 0; i < denied.size(); i++) {
            Who who = denied.get(i);
            Response response = send(who, scene, calls.get(i));

            int expected = who == NOBODY ? 401 : 403;
            assertThat(response.status())
                    .as(rule + ", " + who + ": " + response)
                    .isEqualTo(expected);
            assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat(response.body()).containsEntry("status", expected).doesNotContainKey("errors");
        }
        assertThat(counts()).as(rule + ": nothing stored for the refused").isEqualTo(stored);
        assertThat(allEventsPublished())
                .as(rule + ": nothing published for the refused")
                .hasSize(published);
        for (Who who : allowed) {
            Response response = send(who, scene, request.apply(scene));
            assertThat(response.status())
                    .as(rule + ", " + who + ": " + response)
                    .isEqualTo(status);
        }
    }

    static Stream<Arguments> contacts() {
        return Stream.of(
                Arguments.of(THE_PERSON, true),
                Arguments.of(COORDINATOR_OF_CHAPTER, true),
                Arguments.of(COORDINATOR_OF_MOVEMENT, true),
                Arguments.of(OPERATOR, true),
                Arguments.of(READER, false),
                Arguments.of(CLIENT, false),
                Arguments.of(MEMBER_OF_CHAPTER, false),
                Arguments.of(COORDINATOR_OF_PARTNER, false),
                Arguments.of(COORDINATOR_ELSEWHERE, false));
    }

    @ParameterizedTest(name = "{0} reads the e-mail address: {1}")
    @MethodSource("contacts")
    void an_email_address_is_read_by_the_person_their_coordinators_and_operators_and_hidden_from_others(
            Who who, boolean readable) {
        Scene scene = sharedScene();
        String email = (String) send(THE_PERSON, scene, reading("/api/v1/people/" + scene.person()))
                .get("email");
        assertThat(email).endsWith("@chapter.example");
        Object expected = readable ? email : null;

        Response person = send(who, scene, reading("/api/v1/people/" + scene.person()));
        Response people = send(who, scene, reading("/api/v1/people?nameContains=" + scene.personName()));
        Response membership = send(who, scene, reading("/api/v1/memberships/" + scene.membership()));
        Response members = send(who, scene, reading(ORG + "/" + scene.chapter() + "/members"));
        Response memberships = send(who, scene, reading("/api/v1/people/" + scene.person() + "/memberships"));

        assertThat(person.status()).isEqualTo(200);
        assertThat(person.body())
                .containsEntry("email", expected)
                .containsEntry("fullName", scene.personName())
                .containsEntry("timeZone", "Europe/Sofia");
        assertThat(people.content())
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("email", expected));
        assertThat(membership.body()).containsEntry("email", expected).containsEntry("personName", scene.personName());
        assertThat(members.content())
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("email", expected));
        assertThat(memberships.content())
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("email", expected));
    }

    @Test
    void a_person_with_no_organization_has_their_address_read_by_themselves_and_operators_only() {
        Response registered = registerPerson("Loner " + unique(), "loner." + unique() + "@example.org");
        String path = "/api/v1/people/" + registered.id();

        assertThat(registered.get("email"))
                .as("the registering coordinator typed it")
                .isNotNull();
        assertThat(as(personToken(registered.id())).get(path).get("email")).isEqualTo(registered.get("email"));
        assertThat(as(operator()).get(path).get("email")).isEqualTo(registered.get("email"));
        assertThat(as(coordinatorOf(unique())).get(path).get("email")).isNull();
    }

    static Stream<Arguments> badTokens() {
        TestIssuer issuer = TestIssuer.get();
        return Stream.of(
                Arguments.of(
                        "expired",
                        issuer.client("operations").operator().expired().sign()),
                Arguments.of(
                        "tampered",
                        TestIssuer.tampered(
                                issuer.client("operations").operator().sign())),
                Arguments.of(
                        "signed by a stranger",
                        issuer.client("operations")
                                .operator()
                                .signedByStranger()
                                .sign()),
                Arguments.of(
                        "for another audience",
                        issuer.client("operations")
                                .operator()
                                .audience("elsewhere")
                                .sign()),
                Arguments.of("not a token", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void an_unacceptable_token_is_a_401_that_says_no_more(String name, String token) {
        Map<String, Long> stored = counts();

        Response response = as(token).post(ORG, organization(null));

        assertThat(response.status()).as(name + ": " + response).isEqualTo(401);
        assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.body().get("detail")).isEqualTo("A valid bearer token is required");
        assertThat(counts()).isEqualTo(stored);
    }

    // ---

    private Response send(Who who, Scene scene, Call call) {
        Api api = who == NOBODY ? anonymous() : as(who.token(scene));
        return api.exchange(call.method(), call.path(), call.body());
    }

    /** A rule about a change: every row gets a scene of its own. */
    private static Arguments rule(
            String name, Function<Scene, Call> request, int status, List<Who> allowed, List<Who> refused) {
        return Arguments.of(name, request, status, allowed, refused, true);
    }

    /** A read of the directory: the rows share one scene. */
    private static Arguments read(String what, Function<Scene, String> path) {
        return Arguments.of(
                "read " + what + ": any valid token",
                (Function<Scene, Call>) s -> reading(path.apply(s)),
                200,
                List.of(READER, CLIENT, MEMBER_OF_CHAPTER, OPERATOR),
                List.of(),
                false);
    }

    private static Call post(String path, String body) {
        return new Call(HttpMethod.POST, path, body);
    }

    private static Call reading(String path) {
        return new Call(HttpMethod.GET, path, null);
    }

    private static String organization(String parentId) {
        String parent = parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"";
        return """
                {"name": "Organization %s", "kind": "ngo", "country": "BG", "city": "София", "languages": ["bg"]%s}""".formatted(unique(), parent);
    }

    private static String person(String tag) {
        return """
                {"fullName": "Person %s", "email": "person.%s@chapter.example", "preferredLanguage": "bg",
                 "timeZone": "Europe/Sofia"}""".formatted(tag, tag);
    }

    /** A newly registered person joining with the role, so that every allowed caller adds a member of its own. */
    private String joining(String role) {
        String personId = registerPerson("Joining " + unique(), "joining." + unique() + "@example.org")
                .id();
        return "{\"personId\": \"%s\", \"roles\": [\"%s\"]}".formatted(personId, role);
    }

    /** With a newly registered partner, so that every allowed caller forms a partnership of its own. */
    private String partnership(String organizationId) {
        String partnerId =
                registerOrganization("Partner " + unique(), "AT", null).id();
        return """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "twinning", "since": "2024-01-01"}""".formatted(organizationId, partnerId);
    }
}
