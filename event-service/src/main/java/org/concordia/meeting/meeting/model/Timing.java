package org.concordia.meeting.meeting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;

/** When a meeting (or its first occurrence) takes place: two instants and the IANA zone it was planned in. */
public record Timing(Instant start, Instant end, String timeZone) {

    static final Duration LONGEST = Duration.ofDays(31);

    public Timing {
        if (!StandardCodes.isTimeZone(timeZone)) {
            throw new RuleViolationException("timeZone must be an IANA time zone such as Europe/Sofia", "timeZone");
        }
        if (!end.isAfter(start)) {
            throw new RuleViolationException("end must be after start", "end");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new RuleViolationException("a meeting lasts at most 31 days", "end");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
