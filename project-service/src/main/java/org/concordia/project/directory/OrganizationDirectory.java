package org.concordia.project.directory;

import java.util.Optional;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;

/**
 * The organizations this service has learnt from {@code organization-events}. Applying an event is idempotent and
 * never goes back in time: a registration is applied once, an update only when its version is newer than the one
 * held, and archiving is final. Replaying the topic, in whole or in part, therefore leaves the same state.
 */
public interface OrganizationDirectory {

    Optional<KnownOrganization> find(String id);

    void on(OrganizationRegistered event);

    void on(OrganizationUpdated event);

    void on(OrganizationArchived event);
}
