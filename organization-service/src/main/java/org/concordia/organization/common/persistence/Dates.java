package org.concordia.organization.common.persistence;

import java.time.LocalDate;

/**
 * Calendar dates are stored as ISO strings ({@code 2019-11-21}): a {@code Date} at midnight would shift with the
 * time zone of whichever instance wrote it.
 */
public final class Dates {

    private Dates() {}

    public static String write(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate read(String date) {
        return date == null ? null : LocalDate.parse(date);
    }
}
