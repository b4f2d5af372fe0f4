package org.concordia.meeting.access;

import java.util.Optional;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownOrganization;
import org.concordia.platform.security.OrganizationHierarchy;
import org.springframework.stereotype.Component;

/**
 * The parent of an organization as organization-events described it (the directory's read model, kept by
 * {@code LearningDirectory} through the platform's idempotent consumers), so that coordinators of a movement act for
 * its chapters. One {@code _id} look-up per level.
 */
@Component
class ReadModelHierarchy implements OrganizationHierarchy {

    private final Directory directory;

    ReadModelHierarchy(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> parentOf(String organizationId) {
        return directory.organization(organizationId).map(KnownOrganization::parentId);
    }
}
