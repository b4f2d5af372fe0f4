package org.concordia.identity.directory;

import java.util.Optional;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;

/**
 * People and organizations learned from {@code organization-events}. Applying an event is idempotent and never goes
 * back in time: details only move to a newer version, a membership that ended stays ended.
 */
public interface Directory {

    Optional<Person> person(String personId);

    /** The person whose e-mail address this is, compared without case. */
    Optional<Person> personByEmail(String email);

    Optional<String> parentOf(String organizationId);

    void on(PersonRegistered event);

    void on(PersonUpdated event);

    void on(MemberJoined event);

    void on(MemberRolesChanged event);

    void on(MemberLeft event);

    void on(OrganizationRegistered event);

    void on(OrganizationUpdated event);
}
