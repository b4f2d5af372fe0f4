package org.concordia.platform.security;

import java.util.Optional;

/**
 * The parent of an organization (a chapter's movement, a representation's centre), as the service knows it from
 * its own read model. A service that provides one lets coordinators of a parent act for its chapters.
 */
@FunctionalInterface
public interface OrganizationHierarchy {

    OrganizationHierarchy FLAT = organizationId -> Optional.empty();

    Optional<String> parentOf(String organizationId);
}
