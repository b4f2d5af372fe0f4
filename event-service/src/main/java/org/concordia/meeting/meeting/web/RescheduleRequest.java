package org.concordia.meeting.meeting.web;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.concordia.platform.web.TimeZoneId;
import org.jspecify.annotations.Nullable;

/** @param timeZone a new planning zone; the current one when absent */
record RescheduleRequest(
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @Nullable @TimeZoneId String timeZone) {}
