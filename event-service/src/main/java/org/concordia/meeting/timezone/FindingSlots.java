package org.concordia.meeting.timezone;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.timezone.model.SlotRanking;
import org.concordia.meeting.timezone.model.ZoneTally;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A coordinator asks for the best times to meet the invitees of targets within a range of days. */
@Service
public class FindingSlots {

    public static final int MAX_DAYS = 31;

    private final ViewingLocalTimes localTimes;

    FindingSlots(ViewingLocalTimes localTimes) {
        this.localTimes = localTimes;
    }

    /**
     * @param from the first day, in {@code zone}
     * @param to the last day, in {@code zone}
     */
    public Found find(
            List<Target> targets,
            @Nullable String projectId,
            Duration length,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            int limit) {
        if (to.isBefore(from)) {
            throw new RuleViolationException("to must not be before from", "to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolationException("the range spans at most " + MAX_DAYS + " days", "to");
        }
        ZoneTally tally = localTimes.tally(targets, projectId);
        Map<String, Long> counts = new LinkedHashMap<>();
        tally.zones().forEach(entry -> counts.put(entry.zone(), entry.count()));
        List<SlotRanking.Slot> slots = SlotRanking.best(
                counts,
                ZoneCountries::weekendOf,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                length,
                limit);
        return new Found(tally.people(), counts, slots);
    }

    public record Found(long invitees, Map<String, Long> zones, List<SlotRanking.Slot> slots) {}
}
