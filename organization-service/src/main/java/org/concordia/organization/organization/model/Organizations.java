package org.concordia.organization.organization.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The directory's organizations. Writes store the aggregate with the events it recorded, atomically. */
public interface Organizations {

    Optional<Organization> byId(String id);

    List<Organization> byIds(Collection<String> ids);

    /** @throws RuntimeException a duplicate-key error when the id is taken */
    Organization add(Organization organization);

    /** @throws RuntimeException an optimistic-locking error when it changed since it was read */
    Organization update(Organization organization);

    /** One page of the organizations matching the search, in a stable order: by name, then id. */
    List<Organization> search(OrganizationSearch search, int offset, int limit);

    long count(OrganizationSearch search);
}
