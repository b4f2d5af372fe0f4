package org.concordia.meeting.timezone;

import java.time.Instant;
import java.util.List;
import org.concordia.meeting.timezone.model.WorkingHours.LocalTimes;
import org.concordia.meeting.timezone.model.ZoneTally.Named;

/**
 * A meeting's time as its invitees live it: one entry per distinct zone, with how many invitees live there.
 *
 * @param flagged how many invitees have it outside their working hours or on their weekend
 */
public record ZoneView(Instant start, Instant end, long invitees, long flagged, List<Zone> zones) {

    public record Zone(LocalTimes localTimes, long invitees, List<Named> people) {}
}
