package org.concordia.contracts.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A partnership between two organizations ended.
 *
 * @param endedOn Last day of the partnership.
 * @param kind What sort of partnership ended. Known values, an open set: network_membership,
 *    project_partnership, cooperation_agreement, twinning, funding, other.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record PartnershipEnded(
        String partnershipId,
        String organizationId,
        String partnerOrganizationId,
        LocalDate endedOn,
        String organizationName,
        String partnerOrganizationName,
        String kind,
        Instant occurredAt)
        implements DomainEvent {

    public PartnershipEnded {
        Objects.requireNonNull(partnershipId, "partnershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(partnerOrganizationId, "partnerOrganizationId");
        Objects.requireNonNull(endedOn, "endedOn");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(partnerOrganizationName, "partnerOrganizationName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return partnershipId;
    }
}
