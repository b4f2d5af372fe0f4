package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

class ServiceHealthTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void the_service_is_ready_with_mongodb_and_kafka_up_and_only_operators_see_the_components() {
        RestClient client = RestClient.create("http://localhost:" + port);
        Map<String, Object> health = client.get()
                .uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.operator())
                .retrieve()
                .body(Map.class);
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(health).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("mongo")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("kafka")).containsEntry("status", "UP");

        Map<String, Object> open =
                client.get().uri("/actuator/health").retrieve().body(Map.class);
        assertThat(open).containsEntry("status", "UP").doesNotContainKey("components");
        Map<String, Object> readiness =
                client.get().uri("/actuator/health/readiness").retrieve().body(Map.class);
        assertThat(readiness).containsEntry("status", "UP");
    }
}
