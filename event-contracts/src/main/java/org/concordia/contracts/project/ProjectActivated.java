package org.concordia.contracts.project;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A project started running.
 *
 * @param partners Every organization ever invited, the lead included, with its current status.
 * @param countries ISO 3166-1 alpha-2 codes of the lead and accepted partners, sorted.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record ProjectActivated(
        String projectId,
        String title,
        String leadOrganizationId,
        List<Partner> partners,
        List<String> countries,
        Instant occurredAt)
        implements DomainEvent {

    public ProjectActivated {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(leadOrganizationId, "leadOrganizationId");
        partners = partners == null ? List.of() : List.copyOf(partners);
        countries = countries == null ? List.of() : List.copyOf(countries);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
