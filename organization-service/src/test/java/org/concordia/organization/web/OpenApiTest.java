package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document a client generates from: tagged, summarized, with the codes the API really takes. */
class OpenApiTest extends ServiceTest {

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
