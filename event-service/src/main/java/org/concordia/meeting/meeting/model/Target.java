package org.concordia.meeting.meeting.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One invitation as the organizer chose it, kept as it is rather than expanded into people: a whole network stays one
 * small target.
 */
public record Target(
        TargetKind kind,
        @Nullable String personId,
        @Nullable String organizationId,
        @Nullable String projectId,
        List<String> roles) {

    public Target {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static Target person(String personId) {
        return new Target(TargetKind.PERSON, personId, null, null, List.of());
    }
}
