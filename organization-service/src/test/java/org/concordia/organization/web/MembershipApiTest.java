package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** People joining organizations, with roles, over HTTP. */
class MembershipApiTest extends ServiceTest {

    @Test
    void a_person_joins_with_roles_and_a_mandate_and_appears_among_the_members() {
        Response organization = registerOrganization("Stowarzyszenie " + unique(), "PL", null);
        Response person = registerPerson("Anna Kowalska", "anna." + unique() + "@ssg.example");

        Response joined = as(coordinatorOf(organization.id()))
                .post("/api/v1/organizations/" + organization.id() + "/members", """
                {"personId": "%s", "roles": ["partner_contact", "coordinator"], "validFrom": "2025-01-01",
                 "validUntil": "2027-12-31"}""".formatted(person.id()));

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.headers().getLocation()).hasPath("/api/v1/memberships/" + joined.id());
        assertThat(joined.body())
                .containsEntry("roles", List.of("coordinator", "partner_contact"))
                .containsEntry("validFrom", "2025-01-01")
                .containsEntry("validUntil", "2027-12-31")
                .containsEntry("organizationName", organization.get("name"))
                .containsEntry("personName", "Anna Kowalska")
                .containsEntry("timeZone", "Europe/Sofia")
                .containsEntry("active", true);
        assertThat(get("/api/v1/memberships/" + joined.id()).etag()).isEqualTo("\"0\"");
        assertThat(get("/api/v1/organizations/" + organization.id() + "/members")
                        .content())
                .extracting(m -> m.get("id"))
                .containsExactly(joined.id());
        assertThat(get("/api/v1/people/" + person.id() + "/memberships").content())
                .extracting(m -> m.get("organizationId"))
                .containsExactly(organization.id());
    }

    @Test
    void coordinators_are_listed_by_role() {
        Response organization = registerOrganization("Koalicja " + unique(), "PL", null);
        Response coordinator = registerPerson("Piotr Nowak", "piotr." + unique() + "@ngo.example");
        Response member = registerPerson("Magdalena Zielińska", "magda." + unique() + "@ngo.example");
        join(organization.id(), coordinator.id(), "[\"coordinator\"]");
        join(organization.id(), member.id(), "[\"member\"]");

        Response coordinators = get("/api/v1/organizations/" + organization.id() + "/members?role=coordinator");

        assertThat(coordinators.content()).extracting(m -> m.get("personId")).containsExactly(coordinator.id());
        assertThat(get("/api/v1/organizations/" + organization.id() + "/members")
                        .content())
                .hasSize(2);
    }

    @Test
    void roles_change_with_if_match_and_a_stale_etag_is_refused() {
        Response organization = registerOrganization("Miasto " + unique(), "PL", null);
        Response person = registerPerson("Katarzyna Wiśniewska", "k." + unique() + "@katowice.example");
        Response joined = join(organization.id(), person.id(), "[\"member\"]");
        String path = "/api/v1/memberships/" + joined.id();
        Api coordinator = as(coordinatorOf(organization.id()));

        Response changed = coordinator.patch(
                path, "{\"roles\": [\"representative\", \"partner_contact\"]}", HttpHeaders.IF_MATCH, joined.etag());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).containsEntry("roles", List.of("representative", "partner_contact"));
        assertThat(changed.etag()).isEqualTo("\"1\"");

        Response stale = coordinator.patch(path, "{\"roles\": [\"member\"]}", HttpHeaders.IF_MATCH, joined.etag());
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void a_member_who_left_is_a_former_member_and_may_join_again() {
        Response organization = registerOrganization("Fundacja " + unique(), "PL", null);
        Response person = registerPerson("Lena Huber", "lena." + unique() + "@wien.example");
        Response first = join(organization.id(), person.id(), "[\"member\"]");
        Api coordinator = as(coordinatorOf(organization.id()));

        Response left = coordinator.post("/api/v1/memberships/" + first.id() + "/leave", null);
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.body()).containsEntry("active", false);
        assertThat(left.get("leftAt")).isNotNull();
        assertThat(coordinator
                        .post("/api/v1/memberships/" + first.id() + "/leave", null)
                        .etag())
                .isEqualTo(left.etag());
        assertThat(get("/api/v1/organizations/" + organization.id() + "/members")
                        .content())
                .isEmpty();
        assertThat(get("/api/v1/organizations/" + organization.id() + "/members?includeFormer=true")
                        .content())
                .hasSize(1);

        Response again = join(organization.id(), person.id(), "[\"coordinator\"]");
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void an_archived_organization_takes_no_new_members() {
        Response organization = registerOrganization("Closed " + unique(), "PL", null);
        Response person = registerPerson("Tereza Dvořáková", "tereza." + unique() + "@brno.example");
        Api coordinator = as(coordinatorOf(organization.id()));
        coordinator.post("/api/v1/organizations/" + organization.id() + "/archive", null);

        Response refused = coordinator.post(
                "/api/v1/organizations/" + organization.id() + "/members",
                "{\"personId\": \"%s\", \"roles\": [\"member\"]}".formatted(person.id()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("organizationId");
    }

    @Test
    void a_retried_join_with_the_same_key_creates_one_membership() {
        Response organization = registerOrganization("Idempotent " + unique(), "PL", null);
        Response person = registerPerson("Joana Ferreira", "joana." + unique() + "@porto.example");
        String body = "{\"personId\": \"%s\", \"roles\": [\"member\"]}".formatted(person.id());
        String key = "join-" + unique();
        Api coordinator = as(coordinatorOf(organization.id()));

        Response first = coordinator.post(
                "/api/v1/organizations/" + organization.id() + "/members", body, "Idempotency-Key", key);
        Response retry = coordinator.post(
                "/api/v1/organizations/" + organization.id() + "/members", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(get("/api/v1/organizations/" + organization.id() + "/members")
                        .content())
                .hasSize(1);
    }
}
