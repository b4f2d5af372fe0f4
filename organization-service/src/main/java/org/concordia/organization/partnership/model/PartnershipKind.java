package org.concordia.organization.partnership.model;

import org.concordia.platform.domain.Coded;

/** What binds two organizations; travels as its lower-case code, e.g. {@code network_membership}. */
public enum PartnershipKind implements Coded {
    /** The organization is a member of the partner, a network (a city in the Global Parliament of Mayors). */
    NETWORK_MEMBERSHIP,
    /** Partners in a common project, such as a study-visit programme. */
    PROJECT_PARTNERSHIP,
    COOPERATION_AGREEMENT,
    /** Twinned or sister cities. */
    TWINNING,
    FUNDING,
    OTHER;

    private final String code = Coded.codeOf(this);

    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
