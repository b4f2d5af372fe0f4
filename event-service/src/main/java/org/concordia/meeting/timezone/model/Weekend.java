package org.concordia.meeting.timezone.model;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The days a country rests, keyed by ISO 3166-1 alpha-2 code. Saturday and Sunday unless the table says otherwise:
 * Friday and Saturday in the countries that keep that weekend (most of the Arab states, Israel, Bangladesh, the
 * Maldives), Saturday alone in Nepal. A country missing from the table gets the default; add a line here when a
 * customer's invitees live elsewhere.
 *
 * @param country the country, or null when it is not known (the default applies)
 */
public record Weekend(@Nullable String country, Set<DayOfWeek> days) {

    public static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Set<DayOfWeek> FRIDAY_SATURDAY = EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private static final Map<String, Set<DayOfWeek>> BY_COUNTRY = Map.ofEntries(
            Map.entry("BD", FRIDAY_SATURDAY),
            Map.entry("BH", FRIDAY_SATURDAY),
            Map.entry("DZ", FRIDAY_SATURDAY),
            Map.entry("EG", FRIDAY_SATURDAY),
            Map.entry("IL", FRIDAY_SATURDAY),
            Map.entry("IQ", FRIDAY_SATURDAY),
            Map.entry("JO", FRIDAY_SATURDAY),
            Map.entry("KW", FRIDAY_SATURDAY),
            Map.entry("LY", FRIDAY_SATURDAY),
            Map.entry("MV", FRIDAY_SATURDAY),
            Map.entry("OM", FRIDAY_SATURDAY),
            Map.entry("QA", FRIDAY_SATURDAY),
            Map.entry("SA", FRIDAY_SATURDAY),
            Map.entry("SD", FRIDAY_SATURDAY),
            Map.entry("SY", FRIDAY_SATURDAY),
            Map.entry("YE", FRIDAY_SATURDAY),
            Map.entry("NP", EnumSet.of(DayOfWeek.SATURDAY)));

    public static final Weekend DEFAULT = new Weekend(null, SATURDAY_SUNDAY);

    public Weekend {
        days = Set.copyOf(days);
    }

    public static Weekend of(@Nullable String country) {
        if (country == null) {
            return DEFAULT;
        }
        return new Weekend(country, BY_COUNTRY.getOrDefault(country, SATURDAY_SUNDAY));
    }

    public boolean includes(DayOfWeek day) {
        return days.contains(day);
    }
}
