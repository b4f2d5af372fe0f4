package org.concordia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of the service's own API (the protocol endpoints are described by discovery): clean under the
 * OpenAPI linter's recommended rules, bearer tokens declared, and the errors each operation answers.
 */
class ApiDocumentationTest extends IntegrationTest {

    @Test
    void the_document_passes_the_linter_and_documents_the_errors_of_every_operation() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ISSUER + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        OpenApiLint.Report report = OpenApiLint.lint("identity-service", response.body());

        assertThat(report.problems()).as(report.document().toString()).isEmpty();
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("components").path("securitySchemes").has("bearer"))
                .isTrue();
        assertThat(document.path("paths")
                        .path("/api/v1/signing-keys/rotation")
                        .path("post")
                        .path("responses")
                        .propertyNames())
                .contains("401", "403");
    }
}
