package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.project.support.Api.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.KnownOrganizations;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.PublishedEvents;
import org.concordia.project.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every class of bad input on every endpoint gets a clear 4xx Problem Details naming what is wrong, and changes
 * nothing: no project is stored or changed, and nothing is published. The fixture is created once; every case refuses
 * to change it, so the cases run in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends IntegrationTest {

    private static final String VALID_PROJECT = json(
            "title", "Projekt",
            "leadOrganizationId", "{lead}",
            "plannedStart", "2026-01-01",
            "plannedEnd", "2026-12-31");

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory directory;

    private Api api;
    private OrganizationFeed feed;
    private PublishedEvents events;
    private Map<String, String> fixture;
    private long projectsBefore;
    private long versionBefore;

    /** An organization nobody registered, which the caller nevertheless coordinates, as a token may say. */
    private static final String UNKNOWN_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

    @BeforeAll
    void fixture() {
        feed = new OrganizationFeed();
        KnownOrganizations organizations = new KnownOrganizations(feed, directory);
        OrganizationRegistered lead = organizations.register("Stowarzyszenie Testowe", "PL");
        OrganizationRegistered partner = organizations.register("Verein Test", "AT");
        OrganizationRegistered archived = organizations.register("Archiwum", "CZ");
        organizations.awaitKnown(lead, partner, archived);
        feed.publish(OrganizationFeed.archived(archived));
        organizations.awaitArchived(archived.organizationId());
        api = new Api(port)
                .as(Tokens.coordinatorOf(
                        lead.organizationId(),
                        partner.organizationId(),
                        archived.organizationId(),
                        UNKNOWN_ORGANIZATION));

        Response project = api.post("/api/v1/projects", VALID_PROJECT.replace("{lead}", lead.organizationId()));
        String id = project.field("id");
        api.post("/api/v1/projects/" + id + "/partners", json("organizationId", partner.organizationId()));
        Response milestone = api.post(
                "/api/v1/projects/" + id + "/milestones",
                json("kind", "report", "title", "Raport", "dueDate", "2026-06-30"));
        fixture = Map.of(
                "{project}", id,
                "{lead}", lead.organizationId(),
                "{partner}", partner.organizationId(),
                "{archived}", archived.organizationId(),
                "{milestone}", milestone.field("id"));
        events = new PublishedEvents();
        events.awaitAtLeast(id, 3);
        projectsBefore = mongo.getCollection("projects").countDocuments();
        versionBefore = version(id);
    }

    @AfterAll
    void close() {
        feed.close();
        events.close();
    }

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

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String projects = "/api/v1/projects";
        // proposing
        cases.add(post("malformed JSON", projects, "{\"title\": ", 400, null));
        cases.add(post("no body", projects, null, 400, null));
        cases.add(post("a JSON array instead of an object", projects, "[]", 400, null));
        cases.add(post(
                "title as a number",
                projects,
                with(VALID_PROJECT, "\"title\":\"Projekt\"", "\"title\":42"),
                400,
                "title"));
        cases.add(post("unknown field", projects, prefixed(VALID_PROJECT, "\"colour\":\"red\","), 400, "colour"));
        cases.add(post("missing title", projects, with(VALID_PROJECT, "\"title\":\"Projekt\",", ""), 400, "title"));
        cases.add(post(
                "title over 200 characters",
                projects,
                with(VALID_PROJECT, "\"Projekt\"", "\"" + "x".repeat(201) + "\""),
                400,
                "title"));
        cases.add(post(
                "summary over 4000 characters",
                projects,
                prefixed(VALID_PROJECT, "\"summary\":\"" + "s".repeat(4001) + "\","),
                400,
                "summary"));
        cases.add(
                post("a blank goal", projects, prefixed(VALID_PROJECT, "\"goals\":[\"ok\",\" \"],"), 400, "goals[1]"));
        cases.add(post(
                "a goal over 500 characters",
                projects,
                prefixed(VALID_PROJECT, "\"goals\":[\"" + "g".repeat(501) + "\"],"),
                400,
                "goals[0]"));
        cases.add(post("21 goals", projects, prefixed(VALID_PROJECT, "\"goals\":" + json21() + ","), 400, "goals"));
        cases.add(post("goals as a string", projects, prefixed(VALID_PROJECT, "\"goals\":\"one\","), 400, "goals"));
        cases.add(post(
                "date in another format",
                projects,
                with(VALID_PROJECT, "\"2026-01-01\"", "\"01/01/2026\""),
                400,
                "plannedStart"));
        cases.add(post(
                "date as a number", projects, with(VALID_PROJECT, "\"2026-01-01\"", "20260101"), 400, "plannedStart"));
        cases.add(post(
                "end before start",
                projects,
                with(VALID_PROJECT, "\"2026-12-31\"", "\"2025-12-31\""),
                422,
                "plannedEnd"));
        cases.add(post(
                "programme over 200 characters",
                projects,
                prefixed(
                        VALID_PROJECT,
                        "\"funding\":{\"programme\":\"" + "p".repeat(201) + "\",\"amount\":1,\"currency\":\"EUR\"},"),
                400,
                "funding.programme"));
        cases.add(post("unknown currency", projects, funding("\"EUX\"", "100"), 400, "funding.currency"));
        cases.add(post("negative amount", projects, funding("\"EUR\"", "-5"), 400, "funding.amount"));
        cases.add(post("amount with three decimals", projects, funding("\"EUR\"", "1.005"), 400, "funding.amount"));
        cases.add(post("amount as text", projects, funding("\"EUR\"", "\"lots\""), 400, "funding.amount"));
        cases.add(post("amount as a boolean", projects, funding("\"EUR\"", "true"), 400, "funding.amount"));
        cases.add(post(
                "unknown lead",
                projects,
                with(VALID_PROJECT, "{lead}", UNKNOWN_ORGANIZATION),
                422,
                "leadOrganizationId"));
        cases.add(post(
                "archived lead", projects, with(VALID_PROJECT, "{lead}", "{archived}"), 422, "leadOrganizationId"));
        cases.add(post(
                "lead id over 64 characters",
                projects,
                with(VALID_PROJECT, "{lead}", "x".repeat(65)),
                400,
                "leadOrganizationId"));
        cases.add(new Case(
                "malformed Idempotency-Key",
                HttpMethod.POST,
                projects,
                VALID_PROJECT,
                Map.of("Idempotency-Key", "not a key!"),
                400,
                null));
        // changing details
        String project = projects + "/{project}";
        cases.add(call(
                "PUT without a title",
                HttpMethod.PUT,
                project,
                json("plannedStart", "2026-01-01", "plannedEnd", "2026-12-31"),
                400,
                "title"));
        cases.add(call(
                "PUT to an unknown project",
                HttpMethod.PUT,
                projects + "/nope",
                with(VALID_PROJECT, "\"leadOrganizationId\":\"{lead}\",", ""),
                404,
                null));
        cases.add(new Case(
                "If-Match that is no ETag",
                HttpMethod.PATCH,
                project,
                json("summary", "x"),
                Map.of("If-Match", "yesterday"),
                400,
                null));
        cases.add(call(
                "PUT with a title over 200 characters",
                HttpMethod.PUT,
                project,
                json("title", "t".repeat(201), "plannedStart", "2026-01-01", "plannedEnd", "2026-12-31"),
                400,
                "title"));
        cases.add(call(
                "PATCH with a summary over 4000 characters",
                HttpMethod.PATCH,
                project,
                json("summary", "s".repeat(4001)),
                400,
                "summary"));
        cases.add(call(
                "PATCH with 21 goals",
                HttpMethod.PATCH,
                project,
                json("goals", Collections.nCopies(21, "goal")),
                400,
                "goals"));
        cases.add(call(
                "PUT to a project id over 64 characters",
                HttpMethod.PUT,
                projects + "/" + "p".repeat(65),
                with(VALID_PROJECT, "\"leadOrganizationId\":\"{lead}\",", ""),
                400,
                "id"));
        cases.add(call("PATCH with a blank title", HttpMethod.PATCH, project, json("title", "   "), 400, "title"));
        cases.add(call(
                "PATCH with an unknown field",
                HttpMethod.PATCH,
                project,
                json("leadOrganizationId", "{partner}"),
                400,
                "leadOrganizationId"));
        cases.add(call(
                "PATCH ending before the start",
                HttpMethod.PATCH,
                project,
                json("plannedEnd", "2025-01-01"),
                422,
                "plannedEnd"));
        cases.add(call(
                "PATCH leaving a milestone outside",
                HttpMethod.PATCH,
                project,
                json("plannedEnd", "2026-02-01"),
                422,
                "plannedStart"));
        // partners
        String partners = project + "/partners";
        cases.add(post("invitation without organization", partners, "{}", 400, "organizationId"));
        cases.add(post(
                "invited organization id over 64 characters",
                partners,
                json("organizationId", "o".repeat(65)),
                400,
                "organizationId"));
        cases.add(post("unknown role", partners, json("organizationId", "{partner}", "role", "sponsor"), 400, "role"));
        cases.add(post("role as a number", partners, "{\"organizationId\":\"{partner}\",\"role\":1}", 400, "role"));
        cases.add(post(
                "unknown organization invited",
                partners,
                json("organizationId", "unknown-org"),
                422,
                "organizationId"));
        cases.add(post(
                "archived organization invited",
                partners,
                json("organizationId", "{archived}"),
                422,
                "organizationId"));
        cases.add(post("lead invited as partner", partners, json("organizationId", "{lead}"), 422, "organizationId"));
        cases.add(post("invited twice", partners, json("organizationId", "{partner}"), 409, "organizationId"));
        cases.add(post(
                "invitation to an unknown project",
                projects + "/nope/partners",
                json("organizationId", "{partner}"),
                404,
                null));
        cases.add(post("an organization never invited accepts", partners + "/{lead}/accept", null, 404, null));
        cases.add(post(
                "decline reason over 1000 characters",
                partners + "/{partner}/decline",
                json("reason", "r".repeat(1001)),
                400,
                "reason"));
        cases.add(post(
                "withdrawal reason over 1000 characters",
                partners + "/{partner}/withdraw",
                json("reason", "r".repeat(1001)),
                400,
                "reason"));
        cases.add(post(
                "an answer for an organization id over 64 characters",
                partners + "/" + "o".repeat(65) + "/accept",
                null,
                400,
                "organizationId"));
        cases.add(post("an invited organization withdraws", partners + "/{partner}/withdraw", null, 422, null));
        // lifecycle
        cases.add(post("activation without accepted partners", project + "/activate", null, 422, null));
        cases.add(post("completing a draft", project + "/complete", null, 422, null));
        cases.add(post(
                "cancellation reason over 1000 characters",
                project + "/cancel",
                json("reason", "r".repeat(1001)),
                400,
                "reason"));
        cases.add(post(
                "activating a project id over 64 characters",
                projects + "/" + "p".repeat(65) + "/activate",
                null,
                400,
                "id"));
        cases.add(post("cancel with an unknown field", project + "/cancel", json("why", "x"), 400, "why"));
        // milestones
        String milestones = project + "/milestones";
        String visit = json("kind", "study_visit", "title", "Wizyta", "hostCountry", "AT", "dueDate", "2026-06-01");
        cases.add(post("unknown milestone kind", milestones, with(visit, "study_visit", "party"), 400, "kind"));
        cases.add(post("unknown host country", milestones, with(visit, "\"AT\"", "\"XX\""), 400, "hostCountry"));
        cases.add(post("three-letter host country", milestones, with(visit, "\"AT\"", "\"AUT\""), 400, "hostCountry"));
        cases.add(post(
                "study visit without host country",
                milestones,
                with(visit, "\"hostCountry\":\"AT\",", ""),
                422,
                "hostCountry"));
        cases.add(post(
                "milestone without due date",
                milestones,
                with(visit, ",\"dueDate\":\"2026-06-01\"", ""),
                400,
                "dueDate"));
        cases.add(post(
                "milestone due years after the period",
                milestones,
                with(visit, "2026-06-01", "2029-06-01"),
                422,
                "dueDate"));
        cases.add(post(
                "milestone title over 200 characters",
                milestones,
                with(visit, "Wizyta", "w".repeat(201)),
                400,
                "title"));
        cases.add(post(
                "host city over 100 characters",
                milestones,
                prefixed(visit, "\"hostCity\":\"" + "c".repeat(101) + "\","),
                400,
                "hostCity"));
        cases.add(post(
                "reschedule to no date",
                milestones + "/{milestone}/reschedule",
                json("dueDate", "tomorrow"),
                400,
                "dueDate"));
        cases.add(post(
                "reschedule an unknown milestone",
                milestones + "/nope/reschedule",
                json("dueDate", "2026-07-01"),
                404,
                null));
        cases.add(post(
                "complete on a date that is not one",
                milestones + "/{milestone}/complete",
                json("completedOn", "2026-13-01"),
                400,
                "completedOn"));
        cases.add(post(
                "milestone cancellation reason over 1000 characters",
                milestones + "/{milestone}/cancel",
                json("reason", "r".repeat(1001)),
                400,
                "reason"));
        cases.add(post(
                "a milestone id over 64 characters",
                milestones + "/" + "m".repeat(65) + "/complete",
                null,
                400,
                "milestoneId"));
        cases.add(post("complete a milestone of a draft", milestones + "/{milestone}/complete", null, 422, null));
        // queries
        cases.add(call("unknown status", HttpMethod.GET, projects + "?status=paused", null, 400, "status"));
        cases.add(call("unknown country", HttpMethod.GET, projects + "?country=XX", null, 400, "country"));
        cases.add(call("page size 0", HttpMethod.GET, projects + "?size=0", null, 400, "size"));
        cases.add(call("page size 101", HttpMethod.GET, projects + "?size=101", null, 400, "size"));
        cases.add(call("negative page", HttpMethod.GET, projects + "?page=-1", null, 400, "page"));
        cases.add(call("page not a number", HttpMethod.GET, projects + "?page=two", null, 400, "page"));
        cases.add(call(
                "organization filter over 64 characters",
                HttpMethod.GET,
                projects + "?organizationId=" + "o".repeat(65),
                null,
                400,
                "organizationId"));
        cases.add(call(
                "an organization's projects for an id over 64 characters",
                HttpMethod.GET,
                "/api/v1/organizations/" + "o".repeat(65) + "/projects",
                null,
                400,
                "organizationId"));
        cases.add(call(
                "a project id over 64 characters", HttpMethod.GET, projects + "/" + "p".repeat(65), null, 400, "id"));
        cases.add(call(
                "a partner of a project id over 64 characters",
                HttpMethod.GET,
                projects + "/{project}/partners/" + "o".repeat(65),
                null,
                400,
                "organizationId"));
        cases.add(call("unknown project", HttpMethod.GET, projects + "/nope", null, 404, null));
        cases.add(call("timeline of an unknown project", HttpMethod.GET, projects + "/nope/timeline", null, 404, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_clear_problem_and_changes_nothing(Case bad) {
        int published = events.all(mongo).size();

        Response response = caller().call(
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
        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(projectsBefore);
        assertThat(version(fixture.get("{project}"))).isEqualTo(versionBefore);
        assertThat(events.all(mongo)).as("nothing published").hasSize(published);
    }

    /**
     * A coordinator of every organization of the fixture (and of one nobody registered), so that what is refused is
     * the input and never the caller; a new token for each case, so that none expires during a slow run.
     */
    private Api caller() {
        return api.as(Tokens.coordinatorOf(
                fixture.get("{lead}"), fixture.get("{partner}"), fixture.get("{archived}"), UNKNOWN_ORGANIZATION));
    }

    private String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> entry : fixture.entrySet()) {
            resolved = resolved.replace(entry.getKey(), entry.getValue());
        }
        return resolved;
    }

    private long version(String id) {
        return mongo.getCollection("projects")
                .find(new Document("_id", id))
                .first()
                .get("version", Number.class)
                .longValue();
    }

    private static Case post(String name, String path, String body, int status, String field) {
        return call(name, HttpMethod.POST, path, body, status, field);
    }

    private static Case call(String name, HttpMethod method, String path, String body, int status, String field) {
        return new Case(name, method, path, body, Map.of(), status, field);
    }

    private static String with(String json, String target, String replacement) {
        if (!json.contains(target)) {
            throw new IllegalArgumentException(target + " not in " + json);
        }
        return json.replace(target, replacement);
    }

    /** The object with more fields at its start. */
    private static String prefixed(String json, String fields) {
        return "{" + fields + json.substring(1);
    }

    private static String funding(String currency, String amount) {
        return prefixed(
                VALID_PROJECT,
                "\"funding\":{\"programme\":\"EFI\",\"amount\":" + amount + ",\"currency\":" + currency + "},");
    }

    private static String json21() {
        return "[" + String.join(",", Collections.nCopies(21, "\"goal\"")) + "]";
    }
}
