package org.concordia.contracts.project;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A project ended as planned.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the lead and accepted partners, sorted.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record ProjectCompleted(String projectId, String title, List<String> countries, Instant occurredAt)
        implements DomainEvent {

    public ProjectCompleted {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        countries = countries == null ? List.of() : List.copyOf(countries);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
