package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.project.support.Api.json;
import static org.concordia.project.support.PublishedEvents.first;
import static org.concordia.project.support.PublishedEvents.header;
import static org.concordia.project.support.PublishedEvents.payload;
import static org.concordia.project.support.PublishedEvents.types;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.platform.envelope.CloudEventHeaders;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator runs a project from proposal to completion over HTTP, with organizations learnt from the broker, and
 * every step arrives on {@code project-events} in order, with its CloudEvents headers and the state consumers need.
 */
class ProjectLifecycleTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static OrganizationFeed feed;

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory directory;

    @BeforeAll
    static void openFeed() {
        feed = new OrganizationFeed();
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    @Test
    void a_project_runs_from_proposal_to_completion_and_every_step_is_published_in_order() {
        Api api = new Api(port);
        KnownOrganizations organizations = new KnownOrganizations(feed, directory);
        OrganizationRegistered lead = organizations.register("Stowarzyszenie Solidarności Globalnej", "PL");
        OrganizationRegistered lublin = organizations.register("Koalicja NGO Lublin", "PL");
        OrganizationRegistered vienna = organizations.register("Integrationshaus Wien", "AT");
        OrganizationRegistered prague = organizations.register("Poradna pro integraci", "CZ");
        organizations.awaitKnown(lead, lublin, vienna, prague);
        api = api.as(Tokens.coordinatorOf(lead.organizationId()));

        Response proposed = api.post(
                "/api/v1/projects",
                json(
                        "title", "Integracja w miastach",
                        "summary", "Wymiana dobrych praktyk",
                        "goals", List.of("Wizyty studyjne", "Forum"),
                        "leadOrganizationId", lead.organizationId(),
                        "plannedStart", TODAY.minusDays(30).toString(),
                        "plannedEnd", TODAY.plusDays(300).toString(),
                        "funding", Map.of("programme", "EFI", "amount", 120000.50, "currency", "pln")));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.etag()).isEqualTo("\"0\"");
        String id = proposed.field("id");
        assertThat(proposed.location()).endsWith("/api/v1/projects/" + id);
        assertThat(proposed.json().path("funding").path("currency").asString()).isEqualTo("PLN");
        String project = "/api/v1/projects/" + id;

        for (OrganizationRegistered invited : List.of(lublin, vienna, prague)) {
            Response invitation = api.post(
                    project + "/partners", json("organizationId", invited.organizationId(), "role", "partner"));
            assertThat(invitation.status()).as(invitation.text()).isEqualTo(201);
            assertThat(invitation.field("status")).isEqualTo("invited");
        }
        Response notYet = api.post(project + "/activate", null);
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.field("detail")).contains("at least one invited partner has accepted");

        assertThat(answering(lublin)
                        .post(project + "/partners/" + lublin.organizationId() + "/accept", null)
                        .status())
                .isEqualTo(200);
        Response polishOnly = api.post(project + "/activate", null);
        assertThat(polishOnly.status()).isEqualTo(422);
        assertThat(polishOnly.field("detail")).contains("all of them are from PL");

        assertThat(answering(vienna)
                        .post(project + "/partners/" + vienna.organizationId() + "/accept", null)
                        .status())
                .isEqualTo(200);
        Response declined = answering(prague)
                .post(project + "/partners/" + prague.organizationId() + "/decline", json("reason", "Brak kapacit"));
        assertThat(declined.field("status")).isEqualTo("declined");

        Response visit = api.post(
                project + "/milestones",
                json(
                        "kind", "study_visit",
                        "title", "Integracja po austriacku",
                        "hostCountry", "AT",
                        "hostCity", "Wien",
                        "dueDate", TODAY.plusDays(10).toString()));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        String visitId = visit.field("id");
        Response forum = api.post(
                project + "/milestones",
                json(
                        "kind", "forum",
                        "title", "Międzynarodowe Forum Integracyjne",
                        "hostCountry", "PL",
                        "hostCity", "Lublin",
                        "dueDate", TODAY.plusDays(5).toString()));
        Response publication = api.post(
                project + "/milestones",
                json(
                        "kind",
                        "publication",
                        "title",
                        "Zbiór dobrych praktyk",
                        "dueDate",
                        TODAY.plusDays(200).toString()));

        Response activated = api.post(project + "/activate", null);
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(activated.field("status")).isEqualTo("active");
        assertThat(activated.json().path("countries").toString()).isEqualTo("[\"AT\",\"PL\"]");

        Response rescheduled = api.post(
                project + "/milestones/" + visitId + "/reschedule",
                json("dueDate", TODAY.minusDays(2).toString()));
        assertThat(rescheduled.status()).as(rescheduled.text()).isEqualTo(200);

        List<String> order = titles(api.get(project + "/timeline").json().path("milestones"));
        assertThat(order)
                .containsExactly(
                        "Integracja po austriacku", "Międzynarodowe Forum Integracyjne", "Zbiór dobrych praktyk");

        assertThat(api.post(project + "/milestones/" + visitId + "/complete", null)
                        .field("completedOn"))
                .isEqualTo(TODAY.toString());
        Response early = api.post(project + "/complete", null);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.field("detail")).contains("\"Międzynarodowe Forum Integracyjne\", \"Zbiór dobrych praktyk\"");
        api.post(project + "/milestones/" + forum.field("id") + "/complete", json("completedOn", TODAY.toString()));
        api.post(project + "/milestones/" + publication.field("id") + "/cancel", json("reason", "Przeniesiona"));
        Response completed = api.post(project + "/complete", null);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.field("status")).isEqualTo("completed");

        Response afterwards = api.post(project + "/partners", json("organizationId", prague.organizationId()));
        assertThat(afterwards.status()).isEqualTo(422);
        assertThat(afterwards.field("detail")).contains("completed and cancelled projects do not change");

        try (PublishedEvents events = new PublishedEvents()) {
            List<ConsumerRecord<String, byte[]>> records = events.awaitAtLeast(id, 16);
            records = events.all(id, mongo);
            assertThat(types(records))
                    .containsExactly(
                            "concordia.project.proposed.v1",
                            "concordia.project.partner-invited.v1",
                            "concordia.project.partner-invited.v1",
                            "concordia.project.partner-invited.v1",
                            "concordia.project.partner-joined.v1",
                            "concordia.project.partner-joined.v1",
                            "concordia.project.partner-declined.v1",
                            "concordia.project.milestone-planned.v1",
                            "concordia.project.milestone-planned.v1",
                            "concordia.project.milestone-planned.v1",
                            "concordia.project.activated.v1",
                            "concordia.project.milestone-rescheduled.v1",
                            "concordia.project.milestone-completed.v1",
                            "concordia.project.milestone-completed.v1",
                            "concordia.project.milestone-cancelled.v1",
                            "concordia.project.completed.v1");
            assertThat(records).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(id);
                assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/project-service");
                assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
                assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).startsWith("application/json");
                assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
            });
            assertThat(records.stream()
                            .map(r -> header(r, CloudEventHeaders.ID))
                            .distinct())
                    .hasSize(records.size());

            JsonNode proposal = payload(first(records, "proposed"));
            assertThat(proposal.path("leadOrganizationName").asString())
                    .isEqualTo("Stowarzyszenie Solidarności Globalnej");
            assertThat(proposal.path("leadCountry").asString()).isEqualTo("PL");
            assertThat(proposal.path("funding").path("amount").decimalValue()).isEqualByComparingTo("120000.50");
            JsonNode invitation = payload(first(records, "partner-invited"));
            assertThat(invitation.path("organizationName").asString()).isEqualTo("Koalicja NGO Lublin");
            assertThat(invitation.path("title").asString()).isEqualTo("Integracja w miastach");
            assertThat(invitation.path("leadOrganizationName").asString())
                    .isEqualTo("Stowarzyszenie Solidarności Globalnej");
            JsonNode refusal = payload(first(records, "partner-declined"));
            assertThat(refusal.path("country").asString()).isEqualTo("CZ");
            assertThat(refusal.path("reason").asString()).isEqualTo("Brak kapacit");
            JsonNode activation = payload(first(records, "activated"));
            assertThat(activation.path("countries").toString()).isEqualTo("[\"AT\",\"PL\"]");
            assertThat(activation.path("partners")).hasSize(4);
            JsonNode planned = payload(first(records, "milestone-planned"));
            assertThat(planned.path("hostCountry").asString()).isEqualTo("AT");
            assertThat(planned.path("hostCity").asString()).isEqualTo("Wien");
            assertThat(planned.path("projectTitle").asString()).isEqualTo("Integracja w miastach");
            JsonNode moved = payload(first(records, "milestone-rescheduled"));
            assertThat(moved.path("previousDueDate").asString())
                    .isEqualTo(TODAY.plusDays(10).toString());
            assertThat(moved.path("dueDate").asString())
                    .isEqualTo(TODAY.minusDays(2).toString());
            JsonNode calledOff = payload(first(records, "milestone-cancelled"));
            assertThat(calledOff.path("projectTitle").asString()).isEqualTo("Integracja w miastach");
            assertThat(calledOff.path("kind").asString()).isEqualTo("publication");
            assertThat(calledOff.path("reason").asString()).isEqualTo("Przeniesiona");
            assertThat(calledOff.path("dueDate").asString()).isNotBlank();
            assertThat(payload(first(records, "completed")).path("countries").toString())
                    .isEqualTo("[\"AT\",\"PL\"]");
        }
    }

    @Test
    void projects_are_found_by_organization_country_and_status_page_by_page_in_title_order() {
        Api api = new Api(port);
        KnownOrganizations organizations = new KnownOrganizations(feed, directory);
        OrganizationRegistered lead = organizations.register("Miasto Lublin", "PL");
        OrganizationRegistered partner = organizations.register("Câmara Municipal de Lisboa", "PT");
        OrganizationRegistered outsider = organizations.register("Città di Torino", "IT");
        organizations.awaitKnown(lead, partner, outsider);
        Api lublin = api.as(Tokens.coordinatorOf(lead.organizationId()));
        Api torino = api.as(Tokens.coordinatorOf(outsider.organizationId()));
        String first = propose(lublin, lead, "B: wizyty studyjne");
        String second = propose(lublin, lead, "A: forum");
        String third = propose(torino, outsider, "C: Torino");
        lublin.post("/api/v1/projects/" + first + "/partners", json("organizationId", partner.organizationId()));
        answering(partner)
                .post("/api/v1/projects/" + first + "/partners/" + partner.organizationId() + "/accept", null);
        lublin.post("/api/v1/projects/" + first + "/activate", null);
        torino.post("/api/v1/projects/" + third + "/partners", json("organizationId", partner.organizationId()));
        api = api.as(Tokens.memberOf(outsider.organizationId()));

        Response ledByLublin = api.get("/api/v1/projects?organizationId=" + lead.organizationId() + "&size=1");
        assertThat(ledByLublin.json().path("totalElements").asInt()).isEqualTo(2);
        assertThat(ledByLublin.json().path("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(ledByLublin)).containsExactly(second);
        assertThat(ids(api.get("/api/v1/projects?organizationId=" + lead.organizationId() + "&size=1&page=1")))
                .containsExactly(first);

        assertThat(ids(api.get("/api/v1/organizations/" + partner.organizationId() + "/projects")))
                .as("accepted in one, invited to another")
                .containsExactly(first, third);
        assertThat(ids(api.get("/api/v1/projects?organizationId=" + partner.organizationId() + "&status=active")))
                .containsExactly(first);
        assertThat(ids(api.get("/api/v1/projects?organizationId=" + lead.organizationId() + "&country=pt")))
                .as("Portugal takes part through its accepted partner")
                .containsExactly(first);
        assertThat(ids(api.get("/api/v1/projects?organizationId=" + outsider.organizationId() + "&country=PT")))
                .as("an invitation alone does not make a country take part")
                .isEmpty();
        assertThat(api.get("/api/v1/projects?status=active&size=100")
                        .json()
                        .path("content")
                        .findValuesAsString("status"))
                .containsOnly("active");
    }

    @Test
    void a_stale_if_match_is_refused_with_412_and_changes_nothing() {
        Api api = new Api(port);
        KnownOrganizations organizations = new KnownOrganizations(feed, directory);
        OrganizationRegistered lead = organizations.register("Stowarzyszenie Lubelskie", "PL");
        organizations.awaitKnown(lead);
        api = api.as(Tokens.coordinatorOf(lead.organizationId()));
        String id = propose(api, lead, "Projekt z wersją");
        String path = "/api/v1/projects/" + id;

        Response changed =
                api.call(HttpMethod.PATCH, path, json("summary", "Nowe podsumowanie"), Map.of("If-Match", "\"0\""));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        Response stale = api.call(HttpMethod.PATCH, path, json("title", "Stary tytuł"), Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        Response staleAction = api.call(HttpMethod.POST, path + "/cancel", null, Map.of("If-Match", "\"0\""));
        assertThat(staleAction.status()).isEqualTo(412);

        Response current = api.get(path);
        assertThat(current.field("title")).isEqualTo("Projekt z wersją");
        assertThat(current.field("summary")).isEqualTo("Nowe podsumowanie");
        assertThat(current.field("status")).isEqualTo("draft");
        assertThat(current.etag()).isEqualTo("\"1\"");

        Response replaced = api.call(
                HttpMethod.PUT,
                path,
                json(
                        "title", "Projekt zastąpiony",
                        "plannedStart", "2026-01-01",
                        "plannedEnd", "2026-12-31"),
                Map.of("If-Match", "\"1\""));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().path("goals")).isEmpty();
        assertThat(replaced.json().path("funding").isNull()).isTrue();
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_creates_and_publishes_once() {
        Api api = new Api(port);
        KnownOrganizations organizations = new KnownOrganizations(feed, directory);
        OrganizationRegistered lead = organizations.register("Fundacja Retry", "PL");
        OrganizationRegistered partner = organizations.register("Associació Retry", "ES");
        organizations.awaitKnown(lead, partner);
        api = api.as(Tokens.coordinatorOf(lead.organizationId()));
        String body = json(
                "title", "Projekt ponowiony",
                "leadOrganizationId", lead.organizationId(),
                "plannedStart", "2026-01-01",
                "plannedEnd", "2026-12-31");
        String key = "propose-" + OrganizationFeed.newId();

        Response first = api.post("/api/v1/projects", body, Map.of("Idempotency-Key", key));
        Response retry = api.post("/api/v1/projects", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        String id = first.field("id");
        assertThat(retry.field("id")).isEqualTo(id);

        String milestone = json("kind", "report", "title", "Raport", "dueDate", "2026-06-30");
        Response planned =
                api.post("/api/v1/projects/" + id + "/milestones", milestone, Map.of("Idempotency-Key", "m-1"));
        Response replanned =
                api.post("/api/v1/projects/" + id + "/milestones", milestone, Map.of("Idempotency-Key", "m-1"));
        assertThat(planned.status()).isEqualTo(201);
        assertThat(replanned.status()).isEqualTo(200);
        assertThat(replanned.field("id")).isEqualTo(planned.field("id"));

        String invitation = json("organizationId", partner.organizationId());
        Response invited =
                api.post("/api/v1/projects/" + id + "/partners", invitation, Map.of("Idempotency-Key", "i-1"));
        Response reinvited =
                api.post("/api/v1/projects/" + id + "/partners", invitation, Map.of("Idempotency-Key", "i-1"));
        Response unkeyed = api.post("/api/v1/projects/" + id + "/partners", invitation);
        assertThat(invited.status()).isEqualTo(201);
        assertThat(reinvited.status()).isEqualTo(200);
        assertThat(unkeyed.status())
                .as("without a key, a second invitation is a conflict")
                .isEqualTo(409);

        try (PublishedEvents events = new PublishedEvents()) {
            events.awaitAtLeast(id, 3);
            assertThat(types(events.all(id, mongo)))
                    .containsExactly(
                            "concordia.project.proposed.v1",
                            "concordia.project.milestone-planned.v1",
                            "concordia.project.partner-invited.v1");
        }
    }

    /** The service as a coordinator of the invited organization, who answers the invitation. */
    private Api answering(OrganizationRegistered invited) {
        return new Api(port).as(Tokens.coordinatorOf(invited.organizationId()));
    }

    private static String propose(Api api, OrganizationRegistered lead, String title) {
        Response response = api.post(
                "/api/v1/projects",
                json(
                        "title",
                        title,
                        "leadOrganizationId",
                        lead.organizationId(),
                        "plannedStart",
                        "2026-01-01",
                        "plannedEnd",
                        "2027-06-30"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.field("id");
    }

    private static List<String> ids(Response page) {
        return page.json().path("content").findValuesAsString("id");
    }

    private static List<String> titles(JsonNode milestones) {
        return milestones.findValuesAsString("title");
    }
}
