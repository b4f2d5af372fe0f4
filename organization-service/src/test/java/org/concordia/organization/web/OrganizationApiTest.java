package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** A coordinator's way through organizations and their chapters, over HTTP. */
class OrganizationApiTest extends ServiceTest {

    @Test
    void a_registered_organization_is_readable_with_its_version_as_etag() {
        Response created = as(operator()).post("/api/v1/organizations", """
                {"name": "  Регионална Асоциация на Общини “Тракия” %s ", "shortName": "РАО “Тракия”",
                 "kind": "association_of_municipalities", "country": "bg", "city": "Пловдив",
                 "website": "https://www.raotrakia.eu", "languages": ["bg", "EN", "bg"],
                 "description": "Представителство и защита на интересите на членовете си"}""".formatted(unique()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.headers().getLocation()).hasPath("/api/v1/organizations/" + created.id());
        assertThat(created.body())
                .containsEntry("kind", "association_of_municipalities")
                .containsEntry("country", "BG")
                .containsEntry("languages", List.of("bg", "en"))
                .containsEntry("archived", false);
        assertThat((String) created.get("name")).startsWith("Регионална").doesNotEndWith(" ");

        Response read = get("/api/v1/organizations/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void a_retried_registration_with_the_same_idempotency_key_creates_one_organization() {
        String key = "org-" + unique();
        String body = """
                {"name": "Stowarzyszenie %s", "kind": "ngo", "country": "PL", "city": "Lublin", "languages": ["pl"]}""".formatted(key);
        String operator = operator();
        Response first = as(operator).post("/api/v1/organizations", body, "Idempotency-Key", key);
        Response retry = as(operator).post("/api/v1/organizations", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(get("/api/v1/organizations?nameContains=" + key).content()).hasSize(1);
        assertThat(publishedFor(first.id())).hasSize(1);
    }

    @Test
    void a_change_with_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        Response created = registerOrganization("Koalicja " + unique(), "PL", null);
        String path = "/api/v1/organizations/" + created.id();
        Api coordinator = as(coordinatorOf(created.id()));
        Response renamed = coordinator.patch(path, "{\"city\": \"Białystok\"}", HttpHeaders.IF_MATCH, created.etag());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.etag()).isEqualTo("\"1\"");

        Response stale = coordinator.patch(path, "{\"city\": \"Warszawa\"}", HttpHeaders.IF_MATCH, created.etag());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(get(path).get("city")).isEqualTo("Białystok");
    }

    @Test
    void put_replaces_every_field_and_patch_only_those_given() {
        Response created = registerOrganization("Fundació " + unique(), "ES", null);
        String path = "/api/v1/organizations/" + created.id();
        Api coordinator = as(coordinatorOf(created.id()));
        Response patched = coordinator.patch(path, "{\"shortName\": \"FCA\", \"languages\": [\"ca\", \"es\"]}");
        assertThat(patched.body())
                .containsEntry("shortName", "FCA")
                .containsEntry("languages", List.of("ca", "es"))
                .containsEntry("city", "Lublin");

        Response replaced = coordinator.put(path, """
                {"name": "Fundació Catalunya Acull", "kind": "ngo", "country": "ES", "city": "Barcelona",
                 "languages": ["ca"]}""", HttpHeaders.IF_MATCH, patched.etag());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body())
                .containsEntry("name", "Fundació Catalunya Acull")
                .containsEntry("city", "Barcelona")
                .containsEntry("shortName", null);
        assertThat(replaced.etag()).isEqualTo("\"2\"");
    }

    @Test
    void an_unchanged_put_keeps_the_version_and_publishes_nothing() {
        Response created = registerOrganization("Verein " + unique(), "AT", null);
        Response same = as(coordinatorOf(created.id()))
                .put("/api/v1/organizations/" + created.id(), """
                {"name": "%s", "kind": "ngo", "country": "AT", "city": "Lublin", "languages": ["pl", "en"]}""".formatted(created.get("name")));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.etag()).isEqualTo("\"0\"");
        assertThat(publishedFor(created.id())).hasSize(1);
    }

    @Test
    void chapters_are_listed_under_their_parent_and_ancestors_lead_to_the_root() {
        Response movement = registerOrganization("Movement " + unique(), "US", null);
        Response country = registerOrganization("Representation BG " + unique(), "BG", movement.id());
        Response city = registerOrganization("Group Plovdiv " + unique(), "BG", country.id());
        registerOrganization("Representation PL " + unique(), "PL", movement.id());

        Response chapters = get("/api/v1/organizations/" + movement.id() + "/chapters");
        assertThat(chapters.content())
                .extracting(c -> c.get("name"))
                .hasSize(2)
                .allMatch(n -> ((String) n).startsWith("Representation"));
        assertThat(get("/api/v1/organizations?parentId=" + movement.id()).content())
                .hasSize(2);

        Response ancestors = get("/api/v1/organizations/" + city.id() + "/ancestors");
        assertThat(ancestors.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> line = (List<Map<String, Object>>) ancestors.json();
        assertThat(line).extracting(o -> o.get("id")).containsExactly(country.id(), movement.id());
        assertThat((List<?>) get("/api/v1/organizations/" + movement.id() + "/ancestors")
                        .json())
                .isEmpty();
    }

    @Test
    void a_chapter_cannot_be_made_the_parent_of_its_own_ancestor() {
        Response movement = registerOrganization("Root " + unique(), "US", null);
        Response chapter = registerOrganization("Chapter " + unique(), "BG", movement.id());

        Response cycle = as(coordinatorOf(movement.id()))
                .patch("/api/v1/organizations/" + movement.id(), "{\"parentId\": \"" + chapter.id() + "\"}");

        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.errorFields()).containsExactly("parentId");
        assertThat(get("/api/v1/organizations/" + movement.id()).get("parentId"))
                .isNull();
    }

    @Test
    void an_archived_organization_stays_readable_and_takes_no_new_chapters() {
        Response organization = registerOrganization("Archived " + unique(), "PL", null);
        String path = "/api/v1/organizations/" + organization.id();
        Api coordinator = as(coordinatorOf(organization.id()));

        Response archived = coordinator.post(path + "/archive", null, HttpHeaders.IF_MATCH, organization.etag());
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body()).containsEntry("archived", true);
        assertThat(archived.get("archivedAt")).isNotNull();
        assertThat(coordinator.post(path + "/archive", null).etag()).isEqualTo(archived.etag());
        assertThat(get(path).status()).isEqualTo(200);

        Response chapter = coordinator.post("/api/v1/organizations", """
                {"name": "Late chapter", "kind": "ngo", "country": "PL", "city": "Lublin", "languages": ["pl"],
                 "parentId": "%s"}""".formatted(organization.id()));
        assertThat(chapter.status()).isEqualTo(422);
        assertThat(chapter.errorFields()).containsExactly("parentId");
    }

    @Test
    void search_filters_by_country_kind_and_name_in_any_case_and_pages_in_a_stable_order() {
        String tag = unique();
        for (String name : List.of("Charlie", "alpha", "Bravo", "delta", "Echo")) {
            registerOrganization("Ćwiczenie " + tag + " " + name, "CZ", null);
        }
        String query =
                "/api/v1/organizations?country=cz&kind=ngo&nameContains=ĆWICZENIE " + tag.toUpperCase() + "&size=2";

        Response first = get(query + "&page=0");
        Response second = get(query + "&page=1");
        Response third = get(query + "&page=2");

        assertThat(first.body()).containsEntry("totalElements", 5).containsEntry("totalPages", 3);
        assertThat(List.of(first, second, third))
                .flatExtracting(page -> page.content().stream()
                        .map(o -> ((String) o.get("name")).substring(("Ćwiczenie " + tag + " ").length()))
                        .toList())
                .containsExactly("alpha", "Bravo", "Charlie", "delta", "Echo");
        assertThat(get("/api/v1/organizations?country=SK&nameContains=" + tag).content())
                .isEmpty();
    }

    @Test
    void unknown_organizations_are_404_problems() {
        for (String path : List.of(
                "/api/v1/organizations/nope",
                "/api/v1/organizations/nope/chapters",
                "/api/v1/organizations/nope/ancestors")) {
            Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        }
    }
}
