package org.concordia.notification.reminder;

import java.time.Instant;

/**
 * One reminder of one occurrence: {@code minutesBefore} its start.
 *
 * @param id {@code <meetingId>:<start epoch second>:<minutesBefore>}, so a moved meeting gets new slots
 */
public record Slot(String id, String meetingId, Instant start, int minutesBefore, Instant dueAt) {

    public static Slot of(String meetingId, Instant start, int minutesBefore) {
        return new Slot(
                meetingId + ":" + start.getEpochSecond() + ":" + minutesBefore,
                meetingId,
                start,
                minutesBefore,
                start.minusSeconds(60L * minutesBefore));
    }
}
