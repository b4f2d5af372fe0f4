package org.concordia.organization.membership.model;

import org.concordia.platform.domain.Coded;

/** What a person does in an organization; travels as its lower-case code, e.g. {@code partner_contact}. */
public enum Role implements Coded {
    COORDINATOR,
    REPRESENTATIVE,
    MEMBER,
    PARTNER_CONTACT;

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
