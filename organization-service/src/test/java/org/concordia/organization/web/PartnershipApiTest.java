package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;

/** Partnerships between organizations, over HTTP. */
class PartnershipApiTest extends ServiceTest {

    @Test
    void a_city_joins_a_network_and_both_list_the_partnership() {
        Response city = registerOrganization("Miasto " + unique(), "PL", null);
        Response network = registerOrganization("Parliament " + unique(), "NL", null);

        Response formed =
                as(coordinatorOf(city.id())).post("/api/v1/partnerships", """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "network_membership",
                 "since": "2019-11-21"}""".formatted(city.id(), network.id()));

        assertThat(formed.status()).isEqualTo(201);
        assertThat(formed.etag()).isEqualTo("\"0\"");
        assertThat(formed.body())
                .containsEntry("kind", "network_membership")
                .containsEntry("since", "2019-11-21")
                .containsEntry("organizationName", city.get("name"))
                .containsEntry("partnerOrganizationName", network.get("name"))
                .containsEntry("running", true);
        for (Response side : new Response[] {city, network}) {
            assertThat(get("/api/v1/organizations/" + side.id() + "/partnerships")
                            .content())
                    .extracting(p -> p.get("id"))
                    .containsExactly(formed.id());
        }
    }

    @Test
    void an_ended_partnership_stays_readable_and_the_pair_may_partner_again() {
        Response lead = registerOrganization("Lead " + unique(), "PL", null);
        Response partner = registerOrganization("Partner " + unique(), "CZ", null);
        Response formed = formPartnership(lead.id(), partner.id(), "project_partnership");

        Response running =
                as(coordinatorOf(partner.id())).post("/api/v1/partnerships", """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "project_partnership",
                 "since": "2025-01-01"}""".formatted(partner.id(), lead.id()));
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.errorFields()).containsExactly("partnerOrganizationId");

        Api coordinator = as(coordinatorOf(lead.id()));
        Response ended =
                coordinator.post("/api/v1/partnerships/" + formed.id() + "/end", "{\"endedOn\": \"2025-12-31\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body()).containsEntry("endedOn", "2025-12-31").containsEntry("running", false);
        assertThat(ended.etag()).isEqualTo("\"1\"");
        assertThat(coordinator
                        .post("/api/v1/partnerships/" + formed.id() + "/end", null)
                        .body())
                .containsEntry("endedOn", "2025-12-31");
        assertThat(get("/api/v1/organizations/" + lead.id() + "/partnerships").content())
                .isEmpty();
        assertThat(get("/api/v1/organizations/" + lead.id() + "/partnerships?includeEnded=true")
                        .content())
                .hasSize(1);

        assertThat(formPartnership(partner.id(), lead.id(), "project_partnership")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_retried_partnership_with_the_same_key_is_formed_once() {
        Response lead = registerOrganization("Lead " + unique(), "PL", null);
        Response partner = registerOrganization("Partner " + unique(), "PT", null);
        String body = """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "cooperation_agreement",
                 "since": "2024-05-01", "until": "2026-04-30"}""".formatted(lead.id(), partner.id());
        String key = "partnership-" + unique();

        Api coordinator = as(coordinatorOf(lead.id()));
        Response first = coordinator.post("/api/v1/partnerships", body, "Idempotency-Key", key);
        Response retry = coordinator.post("/api/v1/partnerships", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(first.body()).containsEntry("until", "2026-04-30");
    }
}
