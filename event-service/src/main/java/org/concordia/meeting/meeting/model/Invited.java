package org.concordia.meeting.meeting.model;

import org.jspecify.annotations.Nullable;

/** A person invited by name, as the directory knew them at scheduling. */
public record Invited(
        String personId,
        @Nullable String organizationId,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone) {}
