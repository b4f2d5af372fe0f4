package org.concordia.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class TraceAndMetricsTest {

    @Autowired
    AggregateStore store;

    @Autowired
    Tracer tracer;

    @LocalServerPort
    int port;

    @Test
    void the_trace_of_the_request_that_wrote_an_event_travels_with_it_to_kafka() {
        Club club = new Club(UUID.randomUUID().toString(), "Coordination Centre");
        Span span = tracer.nextSpan().name("register club").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            store.insert(club, List.of(club.registered()));
        } finally {
            span.end();
        }

        try (TopicReader topic = TopicReader.of(EventCatalogue.ORGANIZATION_EVENTS)) {
            ConsumerRecord<String, byte[]> record = topic
                    .readUntil(r -> r.stream().anyMatch(x -> club.getId().equals(x.key())), Duration.ofSeconds(20))
                    .stream()
                    .filter(r -> club.getId().equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(TopicReader.header(record, CloudEventHeaders.TRACEPARENT))
                    .startsWith("00-" + span.context().traceId() + "-"
                            + span.context().spanId() + "-");
        }
    }

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
