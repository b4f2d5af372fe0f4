package org.concordia.meeting.meeting.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Something to be done after a meeting; stays open, and on a series' next agendas, until it is closed. */
public record ActionPoint(
        String id,
        String description,
        @Nullable String ownerPersonId,
        @Nullable String ownerName,
        @Nullable LocalDate dueDate,
        boolean closed) {

    ActionPoint close() {
        return new ActionPoint(id, description, ownerPersonId, ownerName, dueDate, true);
    }
}
