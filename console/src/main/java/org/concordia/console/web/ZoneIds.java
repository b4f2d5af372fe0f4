package org.concordia.console.web;

import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The IANA zones a form offers ({@code ${@zoneIds.all()}}), region zones only, sorted. */
@Component("zoneIds")
public class ZoneIds {

    private final List<String> all = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    public List<String> all() {
        return all;
    }
}
