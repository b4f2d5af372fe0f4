package org.concordia.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

/**
 * A replay from an earlier offset: records inside the consumer's offset range are known duplicates without a lookup
 * each; the range is checked against the marks before it is trusted, and a consumer with other handlers does not
 * use it. Each poll is handed over as the binder hands it (Spring Kafka's batch converter), on the real store.
 */
@SpringBootTest
@WithInfrastructure
class OffsetRangeTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdempotentConsumers consumers;

    private final EventJson json = new EventJson();
    private final BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
    private final String topic = "ranges-" + UUID.randomUUID();

    OffsetRangeTest() {
        converter.setHeaderMapper(new SimpleKafkaHeaderMapper());
    }

    @Test
    void a_replay_inside_the_range_handles_nothing_again_even_in_a_new_consumer_instance() {
        String name = "ranges-" + UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();
        List<ConsumerRecord<byte[], byte[]>> log = clubs(0, 60);

        feed(counting(name, handled), log, 25);
        assertThat(handled).hasValue(60);
        Document range = mongo.getCollection(IdempotentConsumers.COLLECTION)
                .find(new Document("_id", name + "#offsets#" + topic + "#0"))
                .first();
        assertThat(range).isNotNull();
        assertThat(range.get("low", Number.class).longValue()).isZero();
        assertThat(range.get("high", Number.class).longValue()).isEqualTo(59);

        // the consumer group reset to the start, in the same instance and in a new one (a restart)
        feed(counting(name, handled), log, 25);
        IdempotentConsumer restarted = counting(name, handled);
        feed(restarted, log, 25);
        assertThat(handled).hasValue(60);

        // records after the range are looked up and handled as before, and the range grows over them
        List<ConsumerRecord<byte[], byte[]>> more = clubs(60, 20);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>(log);
        all.addAll(more);
        feed(restarted, all, 30);
        assertThat(handled).hasValue(80);
        feed(counting(name, handled), all, 30);
        assertThat(handled).hasValue(80);
    }

    @Test
    void a_running_consumer_writes_its_range_at_most_once_a_second_and_all_of_it_as_the_service_stops() {
        String name = "ranges-" + UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();
        // a clock that stands still: no second passes between the batches
        Clock still = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        IdempotentConsumer consumer = new IdempotentConsumers(mongo, json, still, new SimpleMeterRegistry())
                .consumer(
                        name, EventHandlers.create().on(OrganizationRegistered.class, e -> handled.incrementAndGet()));
        feed(consumer, clubs(0, 60), 20);
        assertThat(handled).hasValue(60);
        assertThat(storedHigh(name)).isEqualTo(19);

        consumer.destroy();
        assertThat(storedHigh(name)).isEqualTo(59);
    }

    private long storedHigh(String name) {
        return mongo.getCollection(IdempotentConsumers.COLLECTION)
                .find(new Document("_id", name + "#offsets#" + topic + "#0"))
                .first()
                .get("high", Number.class)
                .longValue();
    }

    @Test
    void a_topic_created_again_starts_its_offsets_over_and_its_new_events_are_all_handled() {
        String name = "ranges-" + UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();
        IdempotentConsumer consumer = counting(name, handled);
        feed(consumer, clubs(0, 40), 40);
        assertThat(handled).hasValue(40);

        // other events at the same offsets: the first and last of them have no mark, so the range is dropped
        feed(consumer, clubs(0, 40), 40);
        assertThat(handled).hasValue(80);
        feed(consumer, clubs(0, 40), 10);
        assertThat(handled).hasValue(120);
    }

    @Test
    void marks_deleted_to_handle_events_again_drop_the_range_and_a_consumer_with_a_new_handler_does_not_use_it() {
        String name = "ranges-" + UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();
        List<ConsumerRecord<byte[], byte[]>> log = clubs(0, 30, true);
        feed(counting(name, handled), log, 30);
        assertThat(handled).hasValue(15);

        // an operator deletes the consumer's marks to rebuild what it keeps
        mongo.getCollection(IdempotentConsumers.COLLECTION)
                .deleteMany(new Document("_id", new Document("$regex", "^" + name + ":")));
        feed(counting(name, handled), log, 30);
        assertThat(handled).hasValue(30);

        // the renames were skipped for want of a handler; a new version of the consumer handles them
        AtomicInteger renames = new AtomicInteger();
        IdempotentConsumer newer = consumers.consumer(
                name,
                EventHandlers.create()
                        .on(OrganizationRegistered.class, e -> handled.incrementAndGet())
                        .on(OrganizationUpdated.class, e -> renames.incrementAndGet()));
        feed(newer, log, 30);
        assertThat(handled).hasValue(30);
        assertThat(renames).hasValue(15);
    }

    /**
     * A consumer with a clock a second further on at each reading, so that it writes its ranges after every batch
     * (a running one writes them at most once a second).
     */
    private IdempotentConsumer counting(String name, AtomicInteger handled) {
        return new IdempotentConsumers(mongo, json, ticking(), new SimpleMeterRegistry())
                .consumer(
                        name, EventHandlers.create().on(OrganizationRegistered.class, e -> handled.incrementAndGet()));
    }

    private static Clock ticking() {
        AtomicLong seconds = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seconds.incrementAndGet());
            }
        };
    }

    /** Hands the records over in polls of {@code perPoll}, as the binder does in batch mode. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void feed(IdempotentConsumer consumer, List<ConsumerRecord<byte[], byte[]>> records, int perPoll) {
        for (int from = 0; from < records.size(); from += perPoll) {
            List<ConsumerRecord<byte[], byte[]>> poll = records.subList(from, Math.min(records.size(), from + perPoll));
            consumer.accept((Message<byte[]>) converter.toMessage((List) poll, null, null, null));
        }
    }

    /** {@code count} records of partition 0 from {@code offset} on, each a new club's registration. */
    private List<ConsumerRecord<byte[], byte[]>> clubs(long offset, int count) {
        return clubs(offset, count, false);
    }

    /** The same, with every other record a rename of a club instead when {@code withRenames}. */
    private List<ConsumerRecord<byte[], byte[]>> clubs(long offset, int count, boolean withRenames) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Club club = new Club(UUID.randomUUID().toString(), "Range club " + i);
            records.add(record(
                    offset + i,
                    withRenames && i % 2 == 1 ? club.rename("Range club renamed " + i) : club.registered()));
        }
        return records;
    }

    private ConsumerRecord<byte[], byte[]> record(long offset, DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                topic, 0, offset, event.aggregateId().getBytes(StandardCharsets.UTF_8), json.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        return record;
    }

    private static void header(ConsumerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
