package org.concordia.meeting.timezone.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Working hours as 08:00–20:00 local time on the working days of the zone's country (see {@link Weekend}). A meeting is inside them for a person when it starts
 * and ends on the same working day within that window, in the person's own zone.
 */
public final class WorkingHours {

    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(20, 0);

    private WorkingHours() {}

    public static LocalTimes of(Instant start, Instant end, ZoneId zone) {
        return of(start, end, zone, Weekend.DEFAULT);
    }

    /** The meeting in one zone, with the weekend of the zone's country. */
    public static LocalTimes of(Instant start, Instant end, ZoneId zone, Weekend weekend) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        boolean onWeekend = weekend.includes(localStart.getDayOfWeek()) || weekend.includes(localEnd.getDayOfWeek());
        return new LocalTimes(
                zone.getId(),
                localStart,
                localEnd,
                minutesOutside(localStart, localEnd, weekend) > 0,
                onWeekend,
                weekend.country(),
                weekend.days().stream().sorted().map(Enum::name).toList());
    }

    public static long minutesOutside(ZonedDateTime localStart, ZonedDateTime localEnd) {
        return minutesOutside(localStart, localEnd, Weekend.DEFAULT);
    }

    /**
     * How many minutes of the meeting fall outside the person's working hours; a weekend counts wholly outside. The
     * worst of these among the invitees ranks slots that have as many invitees inside.
     */
    public static long minutesOutside(ZonedDateTime localStart, ZonedDateTime localEnd, Weekend weekend) {
        long total = Duration.between(localStart, localEnd).toMinutes();
        if (weekend.includes(localStart.getDayOfWeek())) {
            return Math.max(total, 1);
        }
        ZonedDateTime opens = localStart.with(OPENS);
        ZonedDateTime closes = localStart.with(CLOSES);
        ZonedDateTime from = localStart.isAfter(opens) ? localStart : opens;
        ZonedDateTime to = localEnd.isBefore(closes) ? localEnd : closes;
        long inside = to.isAfter(from) ? Duration.between(from, to).toMinutes() : 0;
        return total - inside;
    }

    /** A meeting in one zone. */
    public record LocalTimes(
            String timeZone,
            ZonedDateTime localStart,
            ZonedDateTime localEnd,
            boolean outsideWorkingHours,
            boolean onWeekend,
            @Nullable String country,
            List<String> weekend) {

        public boolean flagged() {
            return outsideWorkingHours || onWeekend;
        }
    }
}
