package org.concordia.organization.partnership.model;

import java.util.List;
import java.util.Optional;

/** Partnerships between organizations. At most one running partnership of a kind per pair. */
public interface Partnerships {

    Optional<Partnership> byId(String id);

    /** @throws RuntimeException a duplicate-key error when the id is taken or the same partnership is running */
    Partnership add(Partnership partnership);

    Partnership update(Partnership partnership);

    /** Partnerships on either side of the organization, oldest first. */
    List<Partnership> of(String organizationId, boolean includeEnded, int offset, int limit);

    long countOf(String organizationId, boolean includeEnded);
}
