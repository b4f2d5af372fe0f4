package org.concordia.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A planned milestone was called off; people expecting to travel to a study visit or forum need to know.
 *
 * @param kind What sort of milestone this is. Known values, an open set: study_visit, forum,
 *    publication, report, other.
 * @param hostCountry ISO 3166-1 alpha-2 code; absent for milestones without a host (publications,
 *    reports).
 * @param dueDate The date it was planned for.
 * @param reason Why it was cancelled, in the coordinator's words.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MilestoneCancelled(
        String projectId,
        String projectTitle,
        String milestoneId,
        String kind,
        String title,
        @Nullable String hostCountry,
        @Nullable String hostCity,
        LocalDate dueDate,
        @Nullable String reason,
        Instant occurredAt)
        implements DomainEvent {

    public MilestoneCancelled {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectTitle, "projectTitle");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
