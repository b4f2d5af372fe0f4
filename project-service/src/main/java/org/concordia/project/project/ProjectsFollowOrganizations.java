package org.concordia.project.project;

import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationChanges;
import org.concordia.project.project.model.OrganizationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps projects in step with the organizations they name: an archived organization's pending invitations are
 * withdrawn (published as {@code PartnerWithdrawn}), and a renamed or moved organization is shown under its new name
 * and country in open projects.
 */
@Component
class ProjectsFollowOrganizations implements OrganizationChanges {

    /** The reason given with invitations withdrawn because their organization was archived. */
    static final String ARCHIVED = "organization archived";

    private static final Logger log = LoggerFactory.getLogger(ProjectsFollowOrganizations.class);

    private final ProjectCoordination coordination;

    ProjectsFollowOrganizations(ProjectCoordination coordination) {
        this.coordination = coordination;
    }

    @Override
    public void updated(KnownOrganization organization) {
        if (organization.country() != null && !organization.archived()) {
            coordination.refresh(new OrganizationRef(organization.id(), organization.name(), organization.country()));
        }
    }

    @Override
    public void archived(String organizationId) {
        int withdrawn = coordination.withdrawInvitationsOf(organizationId, ARCHIVED);
        if (withdrawn > 0) {
            log.info("Organization {} was archived: withdrew its {} pending invitation(s)", organizationId, withdrawn);
        }
    }
}
