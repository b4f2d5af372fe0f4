package org.concordia.notification.notice;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.concordia.notification.recipient.Reason;
import org.springframework.stereotype.Component;

/**
 * Renders notifications with ICU4J MessageFormat in English, Bulgarian and Polish (English for any other language
 * and for a missing key): plurals by each language's CLDR rules, instants in the recipient's zone and locale with
 * the zone named (daylight saving included), dates in the locale.
 *
 * <p>A {@link Session} caches parsed patterns and date formats for one batch; it is not shared between threads.
 */
@Component
public class Rendering {

    public static final Set<String> LANGUAGES = Set.of("en", "bg", "pl");
    private static final String BUNDLE = "notifications.messages";

    private final Map<String, ResourceBundle> bundles = new HashMap<>();

    public Rendering() {
        for (String language : LANGUAGES) {
            bundles.put(
                    language,
                    ResourceBundle.getBundle(
                            BUNDLE,
                            Locale.forLanguageTag(language),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /** The language texts are written in for a person's preferred language tag. */
    public static String languageOf(String tag) {
        String language = Locale.forLanguageTag(tag == null ? "en" : tag).getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    public Session session() {
        return new Session();
    }

    /** Renders one notification alone. */
    public Rendered render(String template, Map<String, Object> args, Reason reason, String languageTag, String zone) {
        return session().render(template, args, reason, languageTag, zone);
    }

    public final class Session {

        private final Map<String, MessageFormat> formats = new HashMap<>();
        private final Map<String, DateFormat> dateTimes = new HashMap<>();

        private Session() {}

        public Rendered render(
                String template, Map<String, Object> args, Reason reason, String languageTag, String zone) {
            String language = languageOf(languageTag);
            Map<String, Object> shown = shown(args, language, zone);
            return new Rendered(
                    language,
                    format(language, template + ".title", shown),
                    format(language, template + ".body", shown),
                    format(language, "why." + reason.key(), shown(reason.args(), language, zone)));
        }

        public String text(String language, String key, Map<String, Object> args) {
            return format(languageOf(language), key, args);
        }

        private String format(String language, String key, Map<String, Object> args) {
            MessageFormat format = formats.computeIfAbsent(
                    language + "|" + key, k -> new MessageFormat(pattern(language, key), new ULocale(language)));
            return format.format(args).strip().replaceAll(" {2,}", " ");
        }

        private Map<String, Object> shown(Map<String, Object> args, String language, String zone) {
            Map<String, Object> shown = new HashMap<>(args.size());
            args.forEach((name, value) -> {
                if (value instanceof Instant instant) {
                    shown.put(name, dateTime(language, zone).format(Date.from(instant)));
                } else if (value instanceof LocalDate date) {
                    shown.put(
                            name,
                            date(language)
                                    .format(Date.from(
                                            date.atStartOfDay(ZoneOffset.UTC).toInstant())));
                } else if (value instanceof List<?> list) {
                    shown.put(
                            name,
                            String.join(", ", list.stream().map(String::valueOf).toList()));
                } else {
                    shown.put(name, value);
                }
            });
            return shown;
        }

        /** Weekday, date and time in the zone, followed by the zone's name as it is on that day (summer or not). */
        private DateFormat dateTime(String language, String zone) {
            return dateTimes.computeIfAbsent(language + "|" + zone, k -> {
                ULocale locale = new ULocale(language);
                String pattern =
                        DateTimePatternGenerator.getInstance(locale).getBestPattern("yMMMdEEEHHmm") + " (zzzz)";
                DateFormat format = new com.ibm.icu.text.SimpleDateFormat(pattern, locale);
                format.setTimeZone(TimeZone.getTimeZone(zone));
                return format;
            });
        }

        private DateFormat date(String language) {
            return dateTimes.computeIfAbsent(language + "|date", k -> {
                DateFormat format = DateFormat.getInstanceForSkeleton("yMMMMd", new ULocale(language));
                format.setTimeZone(TimeZone.GMT_ZONE);
                return format;
            });
        }
    }

    private String pattern(String language, String key) {
        try {
            return bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            return bundles.get("en").getString(key);
        }
    }
}
