package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concordia.organization.ServiceTest;
import org.concordia.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document a client generates from: tagged, summarized, with the codes the API really takes and the
 * errors it answers, and clean under the OpenAPI linter's recommended rules.
 */
class OpenApiTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_document_passes_the_linter_and_documents_the_errors_of_every_operation() {
        String document = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(String.class);

        OpenApiLint.Report report = OpenApiLint.lint("organization-service", document);

        assertThat(report.problems()).as(report.document().toString()).isEmpty();
        JsonNode paths = JSON.readTree(document).path("paths");
        assertThat(paths.path("/api/v1/organizations/{id}")
                        .path("put")
                        .path("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409", "412", "413", "422", "503");
        assertThat(paths.path("/api/v1/organizations")
                        .path("post")
                        .path("responses")
                        .propertyNames())
                .contains("400", "401", "403", "409", "413", "422", "503")
                .doesNotContain("404", "412");
        assertThat(paths.path("/api/v1/organizations/{id}")
                        .path("get")
                        .path("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("200", "401", "403", "404");
        assertThat(paths.path("/api/v1/organizations/{id}")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("headers")
                        .has("ETag"))
                .isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_is_tagged_and_summarized_and_codes_are_lower_case() {
        Response document = get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);

        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/organizations",
                        "/api/v1/organizations/{id}/chapters",
                        "/api/v1/organizations/{id}/ancestors",
                        "/api/v1/people/{id}",
                        "/api/v1/organizations/{organizationId}/members",
                        "/api/v1/memberships/{id}/leave",
                        "/api/v1/partnerships/{id}/end");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat((List<String>) operation.get("tags"))
                    .as(method + " " + path)
                    .hasSize(1)
                    .first()
                    .isIn("Organizations", "People", "Memberships", "Partnerships");
            assertThat((String) operation.get("summary"))
                    .as(method + " " + path)
                    .isNotBlank();
        }));

        Map<String, Map<String, Object>> schemas =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Object> kind = (Map<String, Object>)
                ((Map<String, Object>) schemas.get("OrganizationRequest").get("properties")).get("kind");
        assertThat((List<String>) kind.get("enum")).contains("association_of_municipalities", "representation");
        Map<String, Object> roles = (Map<String, Object>)
                ((Map<String, Object>) schemas.get("RolesRequest").get("properties")).get("roles");
        assertThat((List<String>) ((Map<String, Object>) roles.get("items")).get("enum"))
                .containsExactly("coordinator", "representative", "member", "partner_contact");
    }
}
