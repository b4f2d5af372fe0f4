package org.concordia.contracts.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Two organizations formed a partnership; organizationId is the side that recorded it.
 *
 * @param kind What sort of partnership this is. Known values, an open set: network_membership,
 *    project_partnership, cooperation_agreement, twinning, funding, other.
 * @param since First day of the partnership.
 * @param until Agreed last day of the partnership, when it is limited.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record PartnershipFormed(
        String partnershipId,
        String organizationId,
        String organizationName,
        String partnerOrganizationId,
        String partnerOrganizationName,
        String kind,
        LocalDate since,
        @Nullable LocalDate until,
        Instant occurredAt)
        implements DomainEvent {

    public PartnershipFormed {
        Objects.requireNonNull(partnershipId, "partnershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(partnerOrganizationId, "partnerOrganizationId");
        Objects.requireNonNull(partnerOrganizationName, "partnerOrganizationName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return partnershipId;
    }
}
