package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * An organization was archived: it keeps its history but takes part in nothing new.
 *
 * @param name Official name, in the organization's own language and script.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record OrganizationArchived(String organizationId, String name, Instant occurredAt) implements DomainEvent {

    public OrganizationArchived {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return organizationId;
    }
}
