package org.concordia.organization.access;

import java.util.Optional;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.platform.security.OrganizationHierarchy;
import org.springframework.stereotype.Component;

/**
 * The parent of an organization as the directory itself records it, so that coordinators of a movement act for its
 * chapters and representations. Read on every question, never cached: a re-parenting counts from the next request.
 */
@Component
class DirectoryHierarchy implements OrganizationHierarchy {

    private final Organizations organizations;

    DirectoryHierarchy(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public Optional<String> parentOf(String organizationId) {
        return organizations.byId(organizationId).map(Organization::parentId).filter(id -> !id.isBlank());
    }
}
