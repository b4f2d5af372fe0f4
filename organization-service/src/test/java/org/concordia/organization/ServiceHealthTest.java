package org.concordia.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs in the shared context of {@link ServiceTest}, so that it costs no context start of its own. */
class ServiceHealthTest extends ServiceTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_service_is_ready_with_mongodb_and_kafka_up_and_only_operators_see_the_components() {
        Map<String, Object> health = as(operator()).get("/actuator/health").body();
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(health).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("mongo")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("kafka")).containsEntry("status", "UP");
        Map<String, Object> readiness =
                anonymous().get("/actuator/health/readiness").body();
        assertThat(readiness).containsEntry("status", "UP");
        assertThat(anonymous().get("/actuator/health").body())
                .containsEntry("status", "UP")
                .doesNotContainKey("components");
    }
}
