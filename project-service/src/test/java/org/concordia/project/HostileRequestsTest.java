package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.project.support.Api.json;

import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.KnownOrganizations;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.Tokens;
import org.concordia.testing.HostileRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the OpenAPI document under hostile paths, queries, bodies and headers, once as a coordinator of
 * a project's lead and its partner (so that requests reach the handlers past the access rules) and once without a
 * token: never a 5xx, never a class name, stack frame or query in the answer.
 */
class HostileRequestsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory directory;

    @Test
    void no_hostile_request_gets_a_5xx_or_a_leak() {
        String lead;
        String partner;
        try (OrganizationFeed feed = new OrganizationFeed()) {
            KnownOrganizations organizations = new KnownOrganizations(feed, directory);
            OrganizationRegistered registeredLead = organizations.register("Fundacja Wrogich Żądań", "PL");
            OrganizationRegistered registeredPartner = organizations.register("Verein Feindlich", "AT");
            organizations.awaitKnown(registeredLead, registeredPartner);
            lead = registeredLead.organizationId();
            partner = registeredPartner.organizationId();
        }
        String token = Tokens.coordinatorOf(lead, partner);
        Api api = new Api(port).as(token);
        Response project = api.post(
                "/api/v1/projects",
                json(
                        "title",
                        "Projekt",
                        "leadOrganizationId",
                        lead,
                        "plannedStart",
                        "2026-01-01",
                        "plannedEnd",
                        "2026-12-31"));
        assertThat(project.status()).as(project.text()).isEqualTo(201);
        String id = project.field("id");
        assertThat(api.post("/api/v1/projects/" + id + "/partners", json("organizationId", partner))
                        .status())
                .isEqualTo(201);
        Response milestone = api.post(
                "/api/v1/projects/" + id + "/milestones",
                json("kind", "report", "title", "Raport", "dueDate", "2026-06-30"));
        assertThat(milestone.status()).as(milestone.text()).isEqualTo(201);

        HostileRequests.Report report = HostileRequests.against("http://localhost:" + port)
                .withToken(token)
                .knownValue("id", id)
                .knownValue("organizationId", partner)
                .knownValue("milestoneId", milestone.field("id"))
                .run();

        System.out.println("hostile requests: " + report);
        assertThat(report.operations()).isPositive();
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}
