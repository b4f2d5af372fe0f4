package org.concordia.contracts.meeting;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something to be done after a meeting.
 *
 * @param ownerPersonId Person responsible, if one was named.
 * @param ownerName Full name of the person responsible, as they write it.
 */
public record ActionItem(
        String description,
        @Nullable String ownerPersonId,
        @Nullable LocalDate dueDate,
        @Nullable String ownerName) {

    public ActionItem {
        Objects.requireNonNull(description, "description");
    }
}
