package org.concordia.contracts.project;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A partner left the project.
 *
 * @param organizationId The partner organization.
 * @param country ISO 3166-1 alpha-2 code of the partner organization.
 * @param role The organization's role in the project. Known values, an open set: lead, partner,
 *    associate.
 * @param reason Free text, in the language it was written in.
 * @param leadOrganizationId The lead organization, whose coordinators follow the partners' answers.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record PartnerWithdrawn(
        String projectId,
        String title,
        String organizationId,
        String organizationName,
        String country,
        String role,
        @Nullable String reason,
        String leadOrganizationId,
        String leadOrganizationName,
        Instant occurredAt)
        implements DomainEvent {

    public PartnerWithdrawn {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leadOrganizationId, "leadOrganizationId");
        Objects.requireNonNull(leadOrganizationName, "leadOrganizationName");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
