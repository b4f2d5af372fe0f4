package org.concordia.meeting.registration.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What registration events tell about the meeting, as it is when the person answers. */
public record Occasion(
        String meetingId,
        String title,
        Instant start,
        Instant end,
        String timeZone,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        String organizerName,
        String organizerEmail,
        int sequence) {}
