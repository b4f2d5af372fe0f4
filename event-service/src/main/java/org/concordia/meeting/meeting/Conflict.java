package org.concordia.meeting.meeting;

import java.time.Instant;

/** An invitee who has accepted another meeting that overlaps this one. */
public record Conflict(String personId, String fullName, String meetingId, String title, Instant start, Instant end) {}
