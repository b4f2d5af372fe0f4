package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every endpoint, and Swagger UI serves it. */
class ApiDocumentationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_openapi_document_lists_the_meeting_endpoints() {
        Api api = new Api(port);
        JsonNode document = api.get("/v3/api-docs").json();

        assertThat(document.path("info").path("title").asString()).isEqualTo("Concordia event-service");
        assertThat(document.path("paths").propertyNames())
                .contains(
                        "/api/v1/meetings",
                        "/api/v1/meetings/conflicts",
                        "/api/v1/meetings/{id}",
                        "/api/v1/meetings/{id}/reschedule",
                        "/api/v1/meetings/{id}/registrations",
                        "/api/v1/meetings/{id}/local-times",
                        "/api/v1/slot-finder",
                        "/api/v1/meetings/{id}/minutes",
                        "/api/v1/meetings/{id}.ics",
                        "/api/v1/calendars/{token}.ics");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        // the caller comes from the bearer token, never from the request: it is no parameter of any operation
        assertThat(document.path("paths").findValuesAsString("name")).doesNotContain("caller");
        assertThat(document.path("components").path("schemas").has("Caller")).isFalse();
    }
}
