package org.concordia.meeting.timezone;

import com.ibm.icu.util.TimeZone;
import org.concordia.meeting.timezone.model.Weekend;
import org.jspecify.annotations.Nullable;

/**
 * The country an IANA zone belongs to, from ICU's zone data (Asia/Riyadh is SA, Europe/Sofia BG): the people
 * directory knows each person's zone, not their country, and a zone lies in one country. Zones of no country (UTC,
 * Etc/GMT+3) have none, and get the default weekend.
 */
final class ZoneCountries {

    private static final String NO_REGION = "001";

    private ZoneCountries() {}

    static @Nullable String countryOf(String zone) {
        try {
            String region = TimeZone.getRegion(zone);
            return region == null || NO_REGION.equals(region) ? null : region;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Weekend weekendOf(String zone) {
        return Weekend.of(countryOf(zone));
    }
}
