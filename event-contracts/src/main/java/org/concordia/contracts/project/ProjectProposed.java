package org.concordia.contracts.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A lead organization proposed a project (it is a draft until activated).
 *
 * @param leadCountry ISO 3166-1 alpha-2 code of the lead organization.
 * @param funding Absent while the project has no funding.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record ProjectProposed(
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
        Instant occurredAt)
        implements DomainEvent {

    public ProjectProposed {
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
