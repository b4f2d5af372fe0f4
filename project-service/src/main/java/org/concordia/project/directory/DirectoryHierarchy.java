package org.concordia.project.directory;

import java.util.Optional;
import org.concordia.platform.security.OrganizationHierarchy;
import org.springframework.stereotype.Component;

/**
 * Organizations' parents as {@code organization-events} told them (registrations and updates carry the parent), so
 * that coordinators of a movement act for its chapters without a call to organization-service. An organization not
 * known yet has no parent here: its own coordinators still act for it, those above it once its registration arrived.
 */
@Component
class DirectoryHierarchy implements OrganizationHierarchy {

    private final OrganizationDirectory directory;

    DirectoryHierarchy(OrganizationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> parentOf(String organizationId) {
        return directory.find(organizationId).map(KnownOrganization::parentId);
    }
}
