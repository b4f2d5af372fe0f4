package org.concordia.contracts.project;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A project was stopped before completion.
 *
 * @param reason Free text, in the language it was written in.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record ProjectCancelled(
        String projectId, String title, @Nullable String reason, Instant occurredAt) implements DomainEvent {

    public ProjectCancelled {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
