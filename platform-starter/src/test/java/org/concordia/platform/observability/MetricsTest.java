package org.concordia.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.concordia.platform.Club;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class MetricsTest {

    @Autowired
    AggregateStore store;

    @LocalServerPort
    int port;

    @Test
    void outbox_and_inbox_metrics_are_exposed_to_prometheus() {
        Club club = new Club(UUID.randomUUID().toString(), "Metrics club");
        store.insert(club, List.of(club.registered()));
        RestClient client = RestClient.create("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.get()
                                .uri("/actuator/prometheus")
                                .retrieve()
                                .body(String.class))
                        .contains("concordia_outbox_published_total")
                        .contains("concordia_outbox_latency_seconds")
                        .contains("concordia_inbox_processed_total"));
    }
}
