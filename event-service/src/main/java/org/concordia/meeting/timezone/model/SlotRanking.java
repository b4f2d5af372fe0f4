package org.concordia.meeting.timezone.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks candidate starts, every {@link #STEP} from the beginning of the range to its end: first by how many
 * invitees have the whole meeting inside their working hours, then by the worst invitee's minutes outside them, then
 * by the earlier start. Local times come from each zone's rules at that instant, so a change to or from daylight
 * saving inside the range moves the good slots with it.
 */
public final class SlotRanking {

    public static final Duration STEP = Duration.ofMinutes(30);

    private SlotRanking() {}

    public static List<Slot> best(Map<String, Long> zoneCounts, Instant from, Instant to, Duration length, int limit) {
        return best(zoneCounts, zone -> Weekend.DEFAULT, from, to, length, limit);
    }

    /** @param weekendOf the weekend of each zone's country */
    public static List<Slot> best(
            Map<String, Long> zoneCounts,
            Function<String, Weekend> weekendOf,
            Instant from,
            Instant to,
            Duration length,
            int limit) {
        Map<String, Weekend> weekends = new HashMap<>();
        zoneCounts.keySet().forEach(zone -> weekends.put(zone, weekendOf.apply(zone)));
        List<Slot> slots = new ArrayList<>();
        for (Instant start = from; !start.plus(length).isAfter(to); start = start.plus(STEP)) {
            Instant end = start.plus(length);
            long inside = 0;
            long worst = 0;
            for (var zone : zoneCounts.entrySet()) {
                ZoneId id = ZoneId.of(zone.getKey());
                ZonedDateTime localStart = start.atZone(id);
                long outside = WorkingHours.minutesOutside(localStart, end.atZone(id), weekends.get(zone.getKey()));
                if (outside == 0) {
                    inside += zone.getValue();
                }
                worst = Math.max(worst, outside);
            }
            slots.add(new Slot(start, end, inside, worst));
        }
        slots.sort(Comparator.comparingLong(Slot::inside)
                .reversed()
                .thenComparingLong(Slot::worstMinutesOutside)
                .thenComparing(Slot::start));
        return slots.subList(0, Math.min(limit, slots.size()));
    }

    /** @param inside how many invitees have the whole slot inside their working hours */
    public record Slot(Instant start, Instant end, long inside, long worstMinutesOutside) {}
}
