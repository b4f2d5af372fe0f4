package org.concordia.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(properties = "management.tracing.baggage.remote-fields=concordia-network")
@WithInfrastructure
@AutoConfigureTracing
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    AggregateStore store;

    @Autowired
    Tracer tracer;

    @Autowired
    Propagator propagator;

    @Autowired
    MongoTemplate mongo;

    @Test
    void the_trace_of_the_request_that_wrote_an_event_travels_with_it_to_kafka() {
        Club club = new Club(UUID.randomUUID().toString(), "Coordination Centre");
        Span span = tracer.nextSpan().name("register club").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            store.insert(club, List.of(club.registered()));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = published(club);
        assertThat(span.context().traceId()).matches("[0-9a-f]{32}");
        assertThat(TopicReader.header(record, CloudEventHeaders.TRACEPARENT))
                .startsWith(
                        "00-" + span.context().traceId() + "-" + span.context().spanId() + "-");
    }

    @Test
    void the_trace_state_and_the_baggage_of_the_request_travel_too() {
        Club club = new Club(UUID.randomUUID().toString(), "Network of Mayors");
        // a request that came in with a vendor's trace state
        Span span = propagator
                .extract(
                        Map.of(
                                "traceparent",
                                "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
                                "tracestate",
                                "concordia=t61rcWkgMzE"),
                        Map::get)
                .name("register club")
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span);
                BaggageInScope network = tracer.createBaggageInScope("concordia-network", "trakia")) {
            store.insert(club, List.of(club.registered()));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = published(club);
        assertThat(TopicReader.header(record, CloudEventHeaders.TRACEPARENT))
                .startsWith("00-" + TRACE_ID + "-" + span.context().spanId() + "-01");
        assertThat(TopicReader.header(record, "tracestate")).isEqualTo("concordia=t61rcWkgMzE");
        assertThat(TopicReader.header(record, "baggage")).contains("concordia-network=trakia");
    }

    @Test
    void a_consumer_handles_the_event_within_the_trace_of_the_request_that_wrote_it() {
        Club club = new Club(UUID.randomUUID().toString(), "Stowarzyszenie Solidarności Globalnej");
        Span span = tracer.nextSpan().name("register club").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            store.insert(club, List.of(club.registered()));
        } finally {
            span.end();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection("effects")
                                .find(new Document("_id", club.getId()))
                                .first()
                        != null);
        Document effect = mongo.getCollection("effects")
                .find(new Document("_id", club.getId()))
                .first();
        assertThat(effect.getList("traces", String.class))
                .containsExactly(span.context().traceId());
    }

    private static ConsumerRecord<String, byte[]> published(Club club) {
        try (TopicReader topic = TopicReader.of(EventCatalogue.ORGANIZATION_EVENTS)) {
            return topic
                    .readUntil(r -> r.stream().anyMatch(x -> club.getId().equals(x.key())), Duration.ofSeconds(30))
                    .stream()
                    .filter(r -> club.getId().equals(r.key()))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
