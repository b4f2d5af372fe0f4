package org.concordia.contracts.meeting;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field of a meeting that changed, as text a person can read.
 *
 * @param field Known values, an open set: title, description, format, venue, onlineLink, agenda,
 *    capacity, seatsPerOrganization, registrationDeadline.
 * @param previous The value before the change; absent when there was none.
 * @param current The value after the change; absent when it was removed.
 */
public record FieldChange(
        String field, @Nullable String previous, @Nullable String current) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
