package org.concordia.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A milestone was reached.
 *
 * @param kind What sort of milestone this is. Known values, an open set: study_visit, forum,
 *    publication, report, other.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MilestoneCompleted(
        String projectId,
        String projectTitle,
        String milestoneId,
        String kind,
        String title,
        LocalDate completedOn,
        Instant occurredAt)
        implements DomainEvent {

    public MilestoneCompleted {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectTitle, "projectTitle");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(completedOn, "completedOn");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
