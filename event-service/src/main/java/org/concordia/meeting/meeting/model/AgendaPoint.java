package org.concordia.meeting.meeting.model;

import org.jspecify.annotations.Nullable;

public record AgendaPoint(
        String title,
        @Nullable Integer minutes,
        @Nullable String presenter,
        @Nullable String presenterPersonId) {}
