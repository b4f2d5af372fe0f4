package org.concordia.platform.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one consumer knows it has processed by position: for each topic partition, a range of offsets every record of
 * which it handled, found marked, or had no handler for, in batches that reached their end (or, for a failed batch,
 * up to the failed record). A replay from an earlier offset (a reset consumer group, a restarted service, a new
 * instance) then needs no mark lookup per record: records inside the range are known duplicates.
 *
 * <p>A range only ever states what happened, so it is safe whichever instance wrote it: it grows only when a batch
 * starts inside or right after it, and a batch that starts further on (offsets skipped by a seek) starts a new range.
 * Before the records inside a range are skipped, the marks of the first and last of them are looked up with the
 * batch's other marks: a topic deleted and created again (offsets start over) or marks deleted to handle events
 * again make that check fail, and the range is dropped. A stored range is used only by a consumer with the same
 * handlers as the one that wrote it: a record skipped for want of a handler may have one now. Ranges are kept in memory and written beside the marks at
 * most once per {@code saveEvery} per partition; one lost with a crash only means lookups for those records.
 */
final class OffsetRanges {

    private static final Logger log = LoggerFactory.getLogger(OffsetRanges.class);

    /** A record's place in its topic. */
    record Position(String topic, int partition, long offset) {

        Partition of() {
            return new Partition(topic, partition);
        }
    }

    record Partition(String topic, int partition) {}

    /** Offsets {@code low} to {@code high}, both included. */
    record Range(long low, long high) {

        boolean covers(long offset) {
            return offset >= low && offset <= high;
        }

        /** This range with the batch's offsets {@code first} to {@code last}, handled now. */
        Range with(long first, long last) {
            if (first > high + 1) {
                return new Range(first, last); // offsets were skipped: only the new ones are known
            }
            if (last < low - 1) {
                return this; // an older stretch handled again: the newer range is the more useful one
            }
            return new Range(Math.min(low, first), Math.max(high, last));
        }
    }

    private final String consumer;
    private final List<String> handles;
    private final MongoCollection<Document> store;
    private final Clock clock;
    private final Duration saveEvery;
    private final Map<Partition, Range> ranges = new ConcurrentHashMap<>();
    private final Map<Partition, Instant> saved = new ConcurrentHashMap<>();
    private final Map<Partition, Range> written = new ConcurrentHashMap<>();
    private final Set<Partition> loaded = ConcurrentHashMap.newKeySet();

    /**
     * @param handles the event classes the consumer has handlers for: a stored range written while it had other
     *     handlers is not used, since records it skipped then may have a handler now
     */
    OffsetRanges(
            String consumer, List<String> handles, MongoCollection<Document> store, Clock clock, Duration saveEvery) {
        this.consumer = consumer;
        this.handles = handles;
        this.store = store;
        this.clock = clock;
        this.saveEvery = saveEvery;
    }

    /** The range of each of these partitions, read from the store the first time this consumer meets one. */
    Map<Partition, Range> of(Collection<Partition> partitions) {
        List<String> unknown = partitions.stream()
                .distinct()
                .filter(p -> !loaded.contains(p))
                .map(this::id)
                .toList();
        if (!unknown.isEmpty()) {
            for (Document range : store.find(new Document("_id", new Document("$in", unknown)))) {
                if (!handles.equals(range.getList("handles", String.class))) {
                    continue;
                }
                Partition partition = new Partition(range.getString("topic"), range.getInteger("partition"));
                ranges.merge(
                        partition,
                        new Range(
                                range.get("low", Number.class).longValue(),
                                range.get("high", Number.class).longValue()),
                        (known, stored) -> known.with(stored.low(), stored.high()));
            }
            partitions.forEach(loaded::add);
        }
        Map<Partition, Range> found = new LinkedHashMap<>();
        for (Partition partition : partitions) {
            Range range = ranges.get(partition);
            if (range != null) {
                found.put(partition, range);
            }
        }
        return found;
    }

    /** Records these positions (in batch order) as handled. */
    void handled(List<Position> positions) {
        Map<Partition, long[]> spans = new LinkedHashMap<>();
        for (Position position : positions) {
            spans.merge(position.of(), new long[] {position.offset(), position.offset()}, (span, one) -> {
                span[0] = Math.min(span[0], one[0]);
                span[1] = Math.max(span[1], one[1]);
                return span;
            });
        }
        Instant now = clock.instant();
        List<Partition> due = new ArrayList<>();
        spans.forEach((partition, span) -> {
            ranges.merge(partition, new Range(span[0], span[1]), (known, batch) -> known.with(span[0], span[1]));
            Instant last = saved.get(partition);
            if (last == null || !now.isBefore(last.plus(saveEvery))) {
                due.add(partition);
            }
        });
        for (Partition partition : due) {
            Range range = ranges.get(partition);
            if (range != null) {
                save(partition, range, now);
            }
        }
    }

    private void save(Partition partition, Range range, Instant now) {
        try {
            store.replaceOne(
                    new Document("_id", id(partition)),
                    new Document("_id", id(partition))
                            .append("consumer", consumer)
                            .append("topic", partition.topic())
                            .append("partition", partition.partition())
                            .append("low", range.low())
                            .append("high", range.high())
                            .append("handles", handles)
                            .append("savedAt", Date.from(now)),
                    new ReplaceOptions().upsert(true));
            saved.put(partition, now);
            written.put(partition, range);
        } catch (RuntimeException e) {
            // the range stays in memory; lookups cover what a missing range would have saved
            log.debug("{} could not save its offset range of {}: {}", consumer, partition, e.toString());
        }
    }

    /** Writes every range not written since it last grew, e.g. as the service stops. */
    void saveAll() {
        Instant now = clock.instant();
        for (Map.Entry<Partition, Range> entry : ranges.entrySet()) {
            if (!entry.getValue().equals(written.get(entry.getKey()))) {
                save(entry.getKey(), entry.getValue(), now);
            }
        }
    }

    /** Drops the partition's range: its records are looked up one by one again. */
    void drop(Partition partition, String why) {
        log.warn(
                "{} no longer trusts its offset range of {}-{} ({}): looking its records up one by one",
                consumer,
                partition.topic(),
                partition.partition(),
                why);
        ranges.remove(partition);
        saved.remove(partition);
        written.remove(partition);
        store.deleteOne(new Document("_id", id(partition)));
    }

    private String id(Partition partition) {
        return consumer + "#offsets#" + partition.topic() + "#" + partition.partition();
    }

    static @Nullable Position position(@Nullable Object topic, @Nullable Object partition, @Nullable Object offset) {
        if (topic instanceof String t && partition instanceof Number p && offset instanceof Number o) {
            return new Position(t, p.intValue(), o.longValue());
        }
        return null;
    }
}
