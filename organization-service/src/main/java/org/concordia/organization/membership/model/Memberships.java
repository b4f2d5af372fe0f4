package org.concordia.organization.membership.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Who belongs where. At most one active membership per person and organization. */
public interface Memberships {

    Optional<Membership> byId(String id);

    /** @throws RuntimeException a duplicate-key error when the id is taken or the person is an active member already */
    Membership add(Membership membership);

    Membership update(Membership membership);

    /** An organization's memberships, optionally only those holding a role, oldest first. */
    List<Membership> ofOrganization(String organizationId, Role role, boolean includeFormer, int offset, int limit);

    long countOfOrganization(String organizationId, Role role, boolean includeFormer);

    /** A person's memberships, oldest first. */
    List<Membership> ofPerson(String personId, boolean includeFormer, int offset, int limit);

    long countOfPerson(String personId, boolean includeFormer);

    /** The active memberships of these people, in no particular order. */
    List<Membership> activeOfPeople(Collection<String> personIds);
}
