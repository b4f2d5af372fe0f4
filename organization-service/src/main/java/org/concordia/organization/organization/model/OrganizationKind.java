package org.concordia.organization.organization.model;

import org.concordia.platform.domain.Coded;

/** What sort of organization this is; travels as its lower-case code, e.g. {@code association_of_municipalities}. */
public enum OrganizationKind implements Coded {
    INTERNATIONAL_MOVEMENT,
    COORDINATION_CENTRE,
    /** A movement's or network's representation in a country or city, registered under its parent. */
    REPRESENTATION,
    NGO,
    MUNICIPALITY,
    ASSOCIATION_OF_MUNICIPALITIES,
    CITY_NETWORK,
    ACADEMIC,
    MEDIA,
    PUBLIC_AUTHORITY,
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
