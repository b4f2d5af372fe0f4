package org.concordia.notification.announcement.model;

import java.util.Locale;

/** Scheduled until it goes out, then sent; cancelled only before. */
public enum Status {
    SCHEDULED,
    SENT,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
