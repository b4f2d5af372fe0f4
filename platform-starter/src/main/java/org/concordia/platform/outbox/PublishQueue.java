package org.concordia.platform.outbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Aggregates that asked to be published right away, per collection. Bounded: a collection holds at most
 * {@code capacity} waiting aggregates, and a request beyond that is refused (the sweep publishes it instead), so a
 * burst cannot exhaust memory. Fair: batches are taken from the collections in turn, so one busy collection cannot
 * keep another waiting for more than one batch. A request for an aggregate already waiting is merged with it.
 */
final class PublishQueue {

    /** Up to a batch of one collection's aggregates. */
    record Batch(String collection, List<Object> ids) {}

    private final int capacity;
    private final Map<String, LinkedHashSet<Object>> waiting = new LinkedHashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();

    PublishQueue(int capacity) {
        this.capacity = capacity;
    }

    /** @return false when the collection's queue is full and the request was dropped */
    synchronized boolean offer(String collection, Object id) {
        LinkedHashSet<Object> ids = waiting.computeIfAbsent(collection, c -> new LinkedHashSet<>());
        if (ids.contains(id)) {
            return true;
        }
        if (ids.size() >= capacity) {
            return false;
        }
        ids.add(id);
        if (ids.size() == 1) {
            turns.addLast(collection);
        }
        return true;
    }

    /** The next collection's oldest requests, up to {@code max}, or null when nothing waits. */
    synchronized Batch poll(int max) {
        String collection = turns.pollFirst();
        if (collection == null) {
            return null;
        }
        LinkedHashSet<Object> ids = waiting.get(collection);
        List<Object> batch = new ArrayList<>(Math.min(max, ids.size()));
        Iterator<Object> oldest = ids.iterator();
        while (batch.size() < max && oldest.hasNext()) {
            batch.add(oldest.next());
            oldest.remove();
        }
        if (!ids.isEmpty()) {
            turns.addLast(collection);
        }
        return new Batch(collection, batch);
    }

    synchronized boolean isEmpty() {
        return turns.isEmpty();
    }

    synchronized int size() {
        return waiting.values().stream().mapToInt(LinkedHashSet::size).sum();
    }

    synchronized void clear() {
        waiting.clear();
        turns.clear();
    }
}
