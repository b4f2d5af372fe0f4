package org.concordia.project.directory;

/**
 * What other parts of this service do when an organization changes, after the directory has taken the change in.
 * Called for every delivery of the event, so implementations must be idempotent.
 */
public interface OrganizationChanges {

    /** The organization's name or country may have changed. */
    void updated(KnownOrganization organization);

    /** The organization was archived and takes part in nothing new. */
    void archived(String organizationId);
}
