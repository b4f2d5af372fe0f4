package org.concordia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** Runs in the shared context of {@link IntegrationTest}, so that it costs no context start of its own. */
class ServiceHealthTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void the_service_is_ready_with_mongodb_and_kafka_up_and_only_operators_see_the_components() {
        RestClient client = RestClient.create("http://localhost:" + port);
        String operator = TestIssuer.get().client("monitoring").operator().sign();
        Map<String, Object> health = client.get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + operator)
                .retrieve()
                .body(Map.class);
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(health).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("mongo")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("kafka")).containsEntry("status", "UP");
        Map<String, Object> readiness =
                client.get().uri("/actuator/health/readiness").retrieve().body(Map.class);
        assertThat(readiness).containsEntry("status", "UP");
        assertThat((Map<String, Object>)
                        client.get().uri("/actuator/health").retrieve().body(Map.class))
                .containsEntry("status", "UP")
                .doesNotContainKey("components");
    }
}
