package org.concordia.notification.preference.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a person wants to receive and when.
 *
 * @param off channels switched off, as {@code <category>.<channel>} (e.g. {@code projects.email}); everything else
 *     is on
 * @param digestHour the local hour (0-23, in the person's zone) at which a daily or weekly digest goes out
 * @param quietFrom start of the quiet hours (local), when no e-mail is sent; with {@code quietUntil}
 */
public record Preferences(
        String personId,
        Map<String, Boolean> off,
        Digest digest,
        int digestHour,
        DayOfWeek digestDay,
        @Nullable LocalTime quietFrom,
        @Nullable LocalTime quietUntil,
        long version) {

    public static final String IN_APP = "in_app";
    public static final String EMAIL = "email";

    public Preferences {
        off = Map.copyOf(off);
    }

    public static Preferences defaults(String personId) {
        return new Preferences(personId, Map.of(), Digest.IMMEDIATELY, 8, DayOfWeek.MONDAY, null, null, 0);
    }

    /** Transactional messages are never swallowed by an opt-out. */
    public boolean wants(String category, String channel, boolean transactional) {
        return transactional || !off.getOrDefault(category + "." + channel, false);
    }

    /**
     * Whether a non-transactional e-mail waits for the person's digest, one combined message at {@link #emailDue};
     * transactional messages never do.
     */
    public boolean digested(boolean transactional) {
        return !transactional && digest != Digest.IMMEDIATELY;
    }

    /**
     * When an e-mail created at {@code now} goes out: at once when transactional or wanted immediately; else at the
     * next digest hour in the person's zone; never within quiet hours (then at their end), unless transactional.
     */
    public Instant emailDue(Instant now, String zone, boolean transactional) {
        if (transactional) {
            return now;
        }
        ZoneId zoneId = zoneOr(zone);
        ZonedDateTime local = now.atZone(zoneId);
        ZonedDateTime due = switch (digest) {
            case IMMEDIATELY -> local;
            case DAILY -> nextAt(local, local.toLocalDate());
            case WEEKLY -> nextAt(local, local.toLocalDate().with(TemporalAdjusters.nextOrSame(digestDay)));
        };
        return afterQuietHours(due).toInstant();
    }

    private ZonedDateTime nextAt(ZonedDateTime now, LocalDate day) {
        ZonedDateTime at = day.atTime(digestHour, 0).atZone(now.getZone());
        if (at.isAfter(now)) {
            return at;
        }
        return digest == Digest.WEEKLY ? at.plusWeeks(1) : at.plusDays(1);
    }

    private ZonedDateTime afterQuietHours(ZonedDateTime at) {
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
            return at;
        }
        LocalTime time = at.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return at;
        }
        LocalDate endDay =
                overnight && !time.isBefore(quietFrom) ? at.toLocalDate().plusDays(1) : at.toLocalDate();
        return endDay.atTime(quietUntil).atZone(at.getZone());
    }

    private static ZoneId zoneOr(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
