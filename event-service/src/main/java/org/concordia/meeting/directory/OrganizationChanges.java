package org.concordia.meeting.directory;

import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;

/**
 * Applies organization-events to the read model. Each method is idempotent and never goes back in time, so a
 * replayed or redelivered event changes nothing.
 */
public interface OrganizationChanges {

    void on(PersonRegistered event);

    void on(PersonUpdated event);

    void on(OrganizationRegistered event);

    void on(OrganizationUpdated event);

    void on(OrganizationArchived event);

    void on(MemberJoined event);

    void on(MemberRolesChanged event);

    void on(MemberLeft event);
}
