package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class ServiceHealthTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_service_is_ready_with_mongodb_and_kafka_up_and_only_operators_see_the_components() {
        Api operator = new Api(port)
                .as(TestIssuer.get().client("monitoring").operator().sign());
        JsonNode health = operator.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");

        JsonNode anonymous = new Api(port).get("/actuator/health").json();
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(new Api(port).get("/actuator/health/readiness").field("status"))
                .isEqualTo("UP");
    }
}
