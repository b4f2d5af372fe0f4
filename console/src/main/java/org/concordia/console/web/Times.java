package org.concordia.console.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.concordia.console.signin.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them ({@code ${@times.inMyZone(...)}}): in the signed-in person's zone (or a zone
 * given), in their language, always with the zone named.
 */
@Component("times")
public class Times {

    /** The instant in the signed-in person's zone, e.g. {@code 3 Dec 2026, 10:00 (Europe/Sofia)}. */
    public String inMyZone(@Nullable Object instant) {
        SignedIn person = SignedIn.current();
        return in(instant, person == null ? "UTC" : person.zone().getId());
    }

    /** The instant in the zone given, with the zone named. */
    public String in(@Nullable Object instant, String zone) {
        Instant parsed = parse(instant);
        if (parsed == null) {
            return "";
        }
        return format(parsed.atZone(ZoneId.of(zone)), LocaleContextHolder.getLocale());
    }

    /** Only the local time of day in the zone given, e.g. {@code 18:00}. */
    public String timeIn(@Nullable Object instant, String zone) {
        Instant parsed = parse(instant);
        if (parsed == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .format(parsed.atZone(ZoneId.of(zone)));
    }

    /** The zone's name in the page's language, e.g. {@code Central European Time}. */
    public String zoneName(String zone) {
        return ZoneId.of(zone).getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** A day of the week ({@code monday}…) in the page's language. */
    public String dayName(String day) {
        return java.time.DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))
                .getDisplayName(TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale());
    }

    /** A day (ISO date) in the page's language, e.g. {@code 15 Jun 2027}; days have no zone. */
    public String day(@Nullable Object day) {
        if (day == null || String.valueOf(day).isBlank()) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(java.time.LocalDate.parse(String.valueOf(day)));
    }

    public static String format(ZonedDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(time)
                + " (" + time.getZone().getId() + ")";
    }

    static @Nullable Instant parse(@Nullable Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (RuntimeException notOffset) {
                return Instant.parse(text);
            }
        }
        return null;
    }
}
