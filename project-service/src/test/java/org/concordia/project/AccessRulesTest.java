package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.project.AccessRulesTest.Who.ACCEPTED_COORDINATOR;
import static org.concordia.project.AccessRulesTest.Who.CLIENT;
import static org.concordia.project.AccessRulesTest.Who.CLIENT_CLAIMING_THE_LEAD;
import static org.concordia.project.AccessRulesTest.Who.INVITED_COORDINATOR;
import static org.concordia.project.AccessRulesTest.Who.INVITED_MEMBER;
import static org.concordia.project.AccessRulesTest.Who.INVITED_PARTNER_CONTACT;
import static org.concordia.project.AccessRulesTest.Who.LEAD_COORDINATOR;
import static org.concordia.project.AccessRulesTest.Who.LEAD_MEMBER;
import static org.concordia.project.AccessRulesTest.Who.LEAD_REPRESENTATIVE;
import static org.concordia.project.AccessRulesTest.Who.MOVEMENT_COORDINATOR;
import static org.concordia.project.AccessRulesTest.Who.NETWORK_COORDINATOR;
import static org.concordia.project.AccessRulesTest.Who.NOBODY;
import static org.concordia.project.AccessRulesTest.Who.OPERATOR;
import static org.concordia.project.AccessRulesTest.Who.OUTSIDER_COORDINATOR;
import static org.concordia.project.support.Api.json;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.platform.security.Caller;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.KnownOrganizations;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.Tokens;
import org.concordia.testing.security.TestIssuer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The rules of {@code AccessRules} over real HTTP, one row per rule: each allowed caller gets its way (on a project
 * of its own, as the change may end it), each refused caller gets a 403 (401 without a token) and changes nothing.
 *
 * <p>The organizations: a lead that is a chapter of a movement, an invited organization that is a chapter of a
 * network, an accepted partner and an outsider. Each project of the table is proposed by the lead, invites the invited
 * organization and the partner (who accepts) and plans one milestone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Who calls: each a new person (or client) holding the roles it names, and nothing else. */
    enum Who {
        LEAD_COORDINATOR(o -> Tokens.coordinatorOf(o.lead())),
        MOVEMENT_COORDINATOR(o -> Tokens.coordinatorOf(o.movement())),
        LEAD_MEMBER(o -> Tokens.memberOf(o.lead())),
        LEAD_REPRESENTATIVE(o -> withRole(o.lead(), Caller.REPRESENTATIVE)),
        INVITED_COORDINATOR(o -> Tokens.coordinatorOf(o.invited())),
        NETWORK_COORDINATOR(o -> Tokens.coordinatorOf(o.network())),
        INVITED_MEMBER(o -> Tokens.memberOf(o.invited())),
        INVITED_PARTNER_CONTACT(o -> withRole(o.invited(), Caller.PARTNER_CONTACT)),
        ACCEPTED_COORDINATOR(o -> Tokens.coordinatorOf(o.accepted())),
        OUTSIDER_COORDINATOR(o -> Tokens.coordinatorOf(o.outsider())),
        OPERATOR(o -> Tokens.operator()),
        CLIENT(o -> Tokens.client()),
        /** Client credentials whose token claims the lead's coordination: only people act. */
        CLIENT_CLAIMING_THE_LEAD(o -> TestIssuer.get()
                .client("tooling")
                .member(o.lead(), Caller.COORDINATOR)
                .sign()),
        NOBODY(o -> null);

        private final Function<Organizations, @Nullable String> token;

        Who(Function<Organizations, @Nullable String> token) {
            this.token = token;
        }

        private static String withRole(String organizationId, String role) {
            return TestIssuer.get()
                    .person("person-" + OrganizationFeed.newId())
                    .member(organizationId, role)
                    .sign();
        }
    }

    /** Where the project of a rule stands before the call. */
    enum State {
        DRAFT,
        ACTIVE,
        ACTIVE_WITH_NOTHING_PLANNED
    }

    record Organizations(
            String movement, String lead, String network, String invited, String accepted, String outsider) {}

    record Rule(
            String name,
            State state,
            HttpMethod method,
            String path,
            @Nullable String body,
            List<Who> allowed,
            List<Who> refused) {

        boolean writes() {
            return method != HttpMethod.GET;
        }

        boolean proposes() {
            return method == HttpMethod.POST && path.equals("/api/v1/projects");
        }
    }

    record Case(Rule rule, Who who, boolean allowed) {
        @Override
        public String toString() {
            return rule.name() + ": " + who.name().toLowerCase().replace('_', ' ') + (allowed ? " may" : " may not");
        }
    }

    /** The organizations' ids and the project's, filled in per call. */
    private static final String PROJECT = "/api/v1/projects/{project}";

    private static final List<Who> READERS =
            List.of(LEAD_COORDINATOR, LEAD_MEMBER, OUTSIDER_COORDINATOR, INVITED_PARTNER_CONTACT, OPERATOR, CLIENT);

    static final List<Rule> RULES = List.of(
            write(
                    "propose a project",
                    State.DRAFT,
                    HttpMethod.POST,
                    "/api/v1/projects",
                    json(
                            "title", "Nowy projekt",
                            "leadOrganizationId", "{lead}",
                            "plannedStart", "2026-01-01",
                            "plannedEnd", "2026-12-31"),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(
                            LEAD_MEMBER,
                            LEAD_REPRESENTATIVE,
                            INVITED_COORDINATOR,
                            OUTSIDER_COORDINATOR,
                            OPERATOR,
                            CLIENT,
                            CLIENT_CLAIMING_THE_LEAD)),
            write(
                    "replace a project's details",
                    State.DRAFT,
                    HttpMethod.PUT,
                    PROJECT,
                    json(
                            "title",
                            "Inny tytuł",
                            "plannedStart",
                            TODAY.minusDays(30).toString(),
                            "plannedEnd",
                            TODAY.plusDays(300).toString()),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(
                            LEAD_MEMBER,
                            INVITED_COORDINATOR,
                            ACCEPTED_COORDINATOR,
                            OPERATOR,
                            CLIENT_CLAIMING_THE_LEAD)),
            write(
                    "change some of a project's details",
                    State.DRAFT,
                    HttpMethod.PATCH,
                    PROJECT,
                    json("summary", "Nowe podsumowanie"),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_REPRESENTATIVE, ACCEPTED_COORDINATOR, NETWORK_COORDINATOR, OPERATOR, CLIENT)),
            write(
                    "invite an organization",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/partners",
                    json("organizationId", "{outsider}"),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, ACCEPTED_COORDINATOR, OUTSIDER_COORDINATOR, OPERATOR, CLIENT)),
            write(
                    "accept an invitation",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/partners/{invited}/accept",
                    null,
                    List.of(INVITED_COORDINATOR, NETWORK_COORDINATOR),
                    List.of(
                            INVITED_MEMBER,
                            INVITED_PARTNER_CONTACT,
                            LEAD_COORDINATOR,
                            MOVEMENT_COORDINATOR,
                            ACCEPTED_COORDINATOR,
                            OPERATOR,
                            CLIENT)),
            write(
                    "decline an invitation",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/partners/{invited}/decline",
                    json("reason", "Brak czasu"),
                    List.of(INVITED_COORDINATOR, NETWORK_COORDINATOR),
                    List.of(INVITED_PARTNER_CONTACT, LEAD_COORDINATOR, OUTSIDER_COORDINATOR, OPERATOR)),
            write(
                    "withdraw from a project",
                    State.ACTIVE,
                    HttpMethod.POST,
                    PROJECT + "/partners/{accepted}/withdraw",
                    null,
                    List.of(ACCEPTED_COORDINATOR),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR, INVITED_COORDINATOR, OPERATOR, CLIENT)),
            write(
                    "activate a project",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/activate",
                    null,
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, ACCEPTED_COORDINATOR, OPERATOR, CLIENT_CLAIMING_THE_LEAD)),
            write(
                    "complete a project",
                    State.ACTIVE_WITH_NOTHING_PLANNED,
                    HttpMethod.POST,
                    PROJECT + "/complete",
                    null,
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, ACCEPTED_COORDINATOR, OPERATOR)),
            write(
                    "cancel a project",
                    State.ACTIVE,
                    HttpMethod.POST,
                    PROJECT + "/cancel",
                    json("reason", "Brak finansowania"),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, INVITED_COORDINATOR, ACCEPTED_COORDINATOR, OPERATOR, CLIENT)),
            write(
                    "plan a milestone",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/milestones",
                    json(
                            "kind",
                            "report",
                            "title",
                            "Raport",
                            "dueDate",
                            TODAY.plusDays(40).toString()),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, ACCEPTED_COORDINATOR, OPERATOR, CLIENT)),
            write(
                    "reschedule a milestone",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/milestones/{milestone}/reschedule",
                    json("dueDate", TODAY.plusDays(20).toString()),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(ACCEPTED_COORDINATOR, INVITED_COORDINATOR, OPERATOR)),
            write(
                    "complete a milestone",
                    State.ACTIVE,
                    HttpMethod.POST,
                    PROJECT + "/milestones/{milestone}/complete",
                    null,
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(LEAD_MEMBER, ACCEPTED_COORDINATOR, OPERATOR)),
            write(
                    "cancel a milestone",
                    State.DRAFT,
                    HttpMethod.POST,
                    PROJECT + "/milestones/{milestone}/cancel",
                    json("reason", "Przeniesiony"),
                    List.of(LEAD_COORDINATOR, MOVEMENT_COORDINATOR),
                    List.of(ACCEPTED_COORDINATOR, OPERATOR, CLIENT_CLAIMING_THE_LEAD)),
            read("read a project", PROJECT),
            read("read a project's timeline", PROJECT + "/timeline"),
            read("list a project's partners", PROJECT + "/partners"),
            read("read an invitation", PROJECT + "/partners/{invited}"),
            read("list a project's milestones", PROJECT + "/milestones"),
            read("read a milestone", PROJECT + "/milestones/{milestone}"),
            read("find projects", "/api/v1/projects?organizationId={lead}"),
            read("list an organization's projects", "/api/v1/organizations/{invited}/projects"));

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory directory;

    private OrganizationFeed feed;
    private Organizations organizations;
    private final Map<State, Map<String, String>> shared = new EnumMap<>(State.class);

    @BeforeAll
    void organizations() {
        feed = new OrganizationFeed();
        KnownOrganizations known = new KnownOrganizations(feed, directory);
        OrganizationRegistered movement = known.register("Ruch Solidarności", "PL");
        OrganizationRegistered network = known.register("Netzwerk Integration", "AT");
        OrganizationRegistered lead = known.registerChapter("Ruch Solidarności, Oddział Lublin", "PL", movement);
        OrganizationRegistered invited = known.registerChapter("Netzwerk Integration Graz", "AT", network);
        OrganizationRegistered accepted = known.register("Poradna Brno", "CZ");
        OrganizationRegistered outsider = known.register("Associació Girona", "ES");
        known.awaitKnown(movement, network, lead, invited, accepted, outsider);
        organizations = new Organizations(
                movement.organizationId(),
                lead.organizationId(),
                network.organizationId(),
                invited.organizationId(),
                accepted.organizationId(),
                outsider.organizationId());
    }

    @AfterAll
    void close() {
        feed.close();
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.allowed().forEach(who -> cases.add(new Case(rule, who, true)));
            rule.refused().forEach(who -> cases.add(new Case(rule, who, false)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_rule_lets_the_right_callers_through_and_refuses_the_others(Case access) {
        Rule rule = access.rule();
        // a change that is allowed may end the project, so it gets one of its own; refusals and reads share one
        Map<String, String> project = access.allowed() && rule.writes()
                ? project(rule.state())
                : shared.computeIfAbsent(rule.state(), this::project);
        long version = version(project);
        long led = rule.proposes() ? projectsLedByTheLead() : 0;

        Response response =
                as(access.who()).call(rule.method(), fill(rule.path(), project), fill(rule.body(), project), Map.of());

        if (access.allowed()) {
            assertThat(response.status()).as(response.text()).isIn(200, 201);
            return;
        }
        assertThat(response.status()).as(response.text()).isEqualTo(access.who() == NOBODY ? 401 : 403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain(organizations.lead()).doesNotContainIgnoringCase("coordinator");
        assertThat(version(project)).as("the project is unchanged").isEqualTo(version);
        if (rule.proposes()) {
            assertThat(projectsLedByTheLead()).as("no project proposed").isEqualTo(led);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void a_token_that_is_expired_tampered_with_signed_by_a_stranger_or_for_another_audience_is_refused_with_401(
            String kind) {
        Map<String, String> project = shared.computeIfAbsent(State.DRAFT, this::project);
        long version = version(project);
        TestIssuer.Token coordinator = TestIssuer.get()
                .person("person-" + OrganizationFeed.newId())
                .member(organizations.lead(), "coordinator");
        String token = switch (kind) {
            case "expired" -> coordinator.expired().sign();
            case "tampered with" -> TestIssuer.tampered(coordinator.sign());
            case "signed by a stranger" -> coordinator.signedByStranger().sign();
            case "for another audience" -> coordinator.audience("another-api").sign();
            default -> throw new IllegalArgumentException(kind);
        };

        Response response = new Api(port)
                .as(token)
                .call(HttpMethod.PATCH, fill(PROJECT, project), json("summary", "Przejęty"), Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(version(project)).isEqualTo(version);
    }

    static Stream<String> badTokens() {
        return Stream.of("expired", "tampered with", "signed by a stranger", "for another audience");
    }

    private Api as(Who who) {
        String token = who.token.apply(organizations);
        return token == null ? new Api(port) : new Api(port).as(token);
    }

    /** A new project of the lead in the given state, with what the paths of the table name. */
    private Map<String, String> project(State state) {
        Api lead = new Api(port).as(Tokens.coordinatorOf(organizations.lead()));
        Response proposed = lead.post(
                "/api/v1/projects",
                json(
                        "title", "Projekt z regułami",
                        "leadOrganizationId", organizations.lead(),
                        "plannedStart", TODAY.minusDays(30).toString(),
                        "plannedEnd", TODAY.plusDays(300).toString()));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String path = "/api/v1/projects/" + proposed.field("id");
        expect(lead.post(path + "/partners", json("organizationId", organizations.invited())), 201);
        expect(lead.post(path + "/partners", json("organizationId", organizations.accepted())), 201);
        expect(
                new Api(port)
                        .as(Tokens.coordinatorOf(organizations.accepted()))
                        .post(path + "/partners/" + organizations.accepted() + "/accept", null),
                200);
        Response milestone = lead.post(
                path + "/milestones",
                json(
                        "kind",
                        "report",
                        "title",
                        "Raport",
                        "dueDate",
                        TODAY.plusDays(10).toString()));
        expect(milestone, 201);
        if (state != State.DRAFT) {
            expect(lead.post(path + "/activate", null), 200);
        }
        if (state == State.ACTIVE_WITH_NOTHING_PLANNED) {
            expect(lead.post(path + "/milestones/" + milestone.field("id") + "/cancel", null), 200);
        }
        return Map.of(
                "{project}", proposed.field("id"),
                "{milestone}", milestone.field("id"),
                "{lead}", organizations.lead(),
                "{invited}", organizations.invited(),
                "{accepted}", organizations.accepted(),
                "{outsider}", organizations.outsider());
    }

    private long version(Map<String, String> project) {
        Response response = new Api(port).as(Tokens.client()).get(fill(PROJECT, project));
        expect(response, 200);
        return response.json().path("version").asLong();
    }

    private long projectsLedByTheLead() {
        Response response = new Api(port)
                .as(Tokens.client())
                .get("/api/v1/projects?organizationId=" + organizations.lead() + "&size=1");
        expect(response, 200);
        return response.json().path("totalElements").asLong();
    }

    private static void expect(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
    }

    private static @Nullable String fill(@Nullable String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static Rule write(
            String name,
            State state,
            HttpMethod method,
            String path,
            @Nullable String body,
            List<Who> allowed,
            List<Who> refused) {
        List<Who> refusedWithoutToken = new ArrayList<>(refused);
        refusedWithoutToken.add(NOBODY);
        return new Rule(name, state, method, path, body, allowed, refusedWithoutToken);
    }

    private static Rule read(String name, String path) {
        return new Rule(name, State.DRAFT, HttpMethod.GET, path, null, READERS, List.of(NOBODY));
    }
}
