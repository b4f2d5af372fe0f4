package org.concordia.meeting.timezone.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Invitees counted by zone, with the first few of each zone by name: whatever the number of people, it holds at most
 * one entry per IANA zone and {@value #NAMED_PER_ZONE} names each.
 */
public final class ZoneTally {

    public static final int NAMED_PER_ZONE = 10;

    private final Map<String, Entry> zones = new TreeMap<>();
    private long people;

    public void add(String personId, String fullName, @Nullable String zone) {
        String id = zone == null ? "UTC" : zone;
        Entry entry = zones.computeIfAbsent(id, Entry::new);
        entry.count++;
        if (entry.named.size() < NAMED_PER_ZONE) {
            entry.named.add(new Named(personId, fullName));
        }
        people++;
    }

    public long people() {
        return people;
    }

    public Collection<Entry> zones() {
        return zones.values();
    }

    public record Named(String personId, String fullName) {}

    public static final class Entry {
        private final String zone;
        private long count;
        private final List<Named> named = new ArrayList<>();

        Entry(String zone) {
            this.zone = zone;
        }

        public String zone() {
            return zone;
        }

        public long count() {
            return count;
        }

        public List<Named> named() {
            return named;
        }
    }
}
