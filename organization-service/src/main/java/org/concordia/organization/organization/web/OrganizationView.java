package org.concordia.organization.organization.web;

import java.time.Instant;
import java.util.List;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;

/** An organization as the API shows it. */
record OrganizationView(
        String id,
        long version,
        String name,
        String shortName,
        OrganizationKind kind,
        String country,
        String city,
        String website,
        List<String> languages,
        String description,
        String parentId,
        boolean archived,
        Instant archivedAt,
        Instant registeredAt) {

    static OrganizationView of(Organization organization) {
        OrganizationDetails details = organization.details();
        return new OrganizationView(
                organization.id(),
                organization.version(),
                details.name(),
                details.shortName(),
                details.kind(),
                details.country(),
                details.city(),
                details.website(),
                details.languages(),
                details.description(),
                organization.parentId(),
                organization.isArchived(),
                organization.archivedAt(),
                organization.registeredAt());
    }
}
