package org.concordia.notification.recipient;

import java.util.Optional;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;

/**
 * People, organizations, memberships and partnerships learnt from {@code organization-events}. Every method is idempotent and
 * never goes back in time (versions and event times decide), so that replays leave the same state.
 */
public interface PeopleDirectory {

    void on(OrganizationRegistered event);

    void on(OrganizationUpdated event);

    void on(OrganizationArchived event);

    void on(PersonRegistered event);

    void on(PersonUpdated event);

    void on(MemberJoined event);

    void on(MemberRolesChanged event);

    void on(MemberLeft event);

    void on(PartnershipFormed event);

    void on(PartnershipEnded event);

    /** The organization above this one (a chapter's movement), when the organization has one and is known. */
    Optional<String> parentOf(String organizationId);

    /** A person known from another service's event (an invitee, a registration), kept only if unknown. */
    void introduce(String personId, String name, String email, String language, String zone);
}
