package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.concordia.project.support.Api;
import org.concordia.project.support.IntegrationTest;
import org.concordia.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists every endpoint under its tag, each with a summary and the errors it answers, and is
 * clean under the OpenAPI linter's recommended rules.
 */
class ApiDocumentationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_document_passes_the_linter_and_documents_the_errors_of_every_operation() {
        Api.Response response = new Api(port).get("/v3/api-docs");

        OpenApiLint.Report report = OpenApiLint.lint("project-service", response.text());

        assertThat(report.problems()).as(report.document().toString()).isEmpty();
        JsonNode paths = response.json().path("paths");
        assertThat(paths.path("/api/v1/projects/{id}/activate")
                        .path("post")
                        .path("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409", "412", "422", "503");
        assertThat(paths.path("/api/v1/projects").path("get").path("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403");
        JsonNode badRequest =
                response.json().path("components").path("responses").path("BadRequest");
        assertThat(badRequest
                        .path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(response.json()
                        .path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .path("errors")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/FieldProblem");
    }

    @Test
    void every_operation_is_tagged_and_summarized() {
        Api.Response response = new Api(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();

        assertThat(document.path("info").path("title").asString()).isEqualTo("Concordia project-service");
        assertThat(document.path("tags").findValuesAsString("name"))
                .containsExactly("Projects", "Partners", "Milestones");
        List<String> undocumented = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                if (operation.getValue().path("summary").asString().isBlank()
                        || operation.getValue().path("tags").isEmpty()) {
                    undocumented.add(name);
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(document.path("paths").findValuesAsString("name"))
                .as("the caller comes from the token, never from a parameter")
                .doesNotContain("caller");
        assertThat(operations)
                .contains(
                        "POST /api/v1/projects",
                        "PATCH /api/v1/projects/{id}",
                        "PUT /api/v1/projects/{id}",
                        "POST /api/v1/projects/{id}/partners/{organizationId}/accept",
                        "POST /api/v1/projects/{id}/milestones/{milestoneId}/reschedule",
                        "GET /api/v1/projects/{id}/timeline",
                        "GET /api/v1/organizations/{organizationId}/projects");
    }
}
