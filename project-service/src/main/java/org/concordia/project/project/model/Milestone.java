package org.concordia.project.project.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step of a project with a due date: a study visit or forum somewhere, a publication, a report.
 *
 * @param hostCountry ISO 3166-1 alpha-2 code of where it takes place; study visits and forums have one
 * @param completedOn the day it was reached, once completed
 * @param cancellationReason why it was cancelled, as written
 */
public record Milestone(
        String id,
        MilestoneKind kind,
        String title,
        @Nullable String hostCountry,
        @Nullable String hostCity,
        LocalDate dueDate,
        MilestoneStatus status,
        @Nullable LocalDate completedOn,
        @Nullable String cancellationReason,
        Instant plannedAt) {

    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plannedAt, "plannedAt");
    }

    /** The day it happened when completed, else the day it is due: the timeline's order. */
    public LocalDate date() {
        return completedOn != null ? completedOn : dueDate;
    }

    Milestone rescheduled(LocalDate newDueDate) {
        return new Milestone(
                id, kind, title, hostCountry, hostCity, newDueDate, status, completedOn, cancellationReason, plannedAt);
    }

    Milestone completed(LocalDate on) {
        return new Milestone(
                id, kind, title, hostCountry, hostCity, dueDate, MilestoneStatus.COMPLETED, on, null, plannedAt);
    }

    Milestone cancelled(@Nullable String reason) {
        return new Milestone(
                id, kind, title, hostCountry, hostCity, dueDate, MilestoneStatus.CANCELLED, null, reason, plannedAt);
    }
}
