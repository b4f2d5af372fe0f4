package org.concordia.meeting.meeting.model;

import org.concordia.platform.domain.Coded;

/** Whom an invitation target stands for; the codes are those of the InvitationTarget contract. */
public enum TargetKind implements Coded {
    PERSON,
    ORGANIZATION_MEMBERS,
    ORGANIZATION_NETWORK,
    PROJECT_PARTNERS;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
