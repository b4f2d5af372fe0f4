package org.concordia.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A project's details changed; carries the whole new details state.
 *
 * @param leadCountry ISO 3166-1 alpha-2 code of the lead organization.
 * @param funding Absent while the project has no funding.
 * @param version Version of the aggregate after this change; a consumer that already holds a higher
 *    version ignores the event.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record ProjectDetailsChanged(
        String projectId,
        String title,
        String summary,
        List<String> goals,
        String leadOrganizationId,
        String leadOrganizationName,
        String leadCountry,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Nullable Funding funding,
        long version,
        Instant occurredAt)
        implements DomainEvent {

    public ProjectDetailsChanged {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        goals = goals == null ? List.of() : List.copyOf(goals);
        Objects.requireNonNull(leadOrganizationId, "leadOrganizationId");
        Objects.requireNonNull(leadOrganizationName, "leadOrganizationName");
        Objects.requireNonNull(leadCountry, "leadCountry");
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
