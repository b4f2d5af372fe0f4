package org.concordia.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@WithInfrastructure
@AutoConfigureTracing
class TracePropagationTest {

    @Autowired
    AggregateStore store;

    @Autowired
    Tracer tracer;

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
            assertThat(span.context().traceId()).matches("[0-9a-f]{32}");
            assertThat(TopicReader.header(record, CloudEventHeaders.TRACEPARENT))
                    .startsWith("00-" + span.context().traceId() + "-"
                            + span.context().spanId() + "-");
        }
    }
}
