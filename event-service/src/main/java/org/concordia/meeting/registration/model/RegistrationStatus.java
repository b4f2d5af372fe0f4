package org.concordia.meeting.registration.model;

import org.concordia.platform.domain.Coded;

public enum RegistrationStatus implements Coded {
    CONFIRMED,
    WAITLISTED,
    TENTATIVE,
    DECLINED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }

    public boolean holdsSeat() {
        return this == CONFIRMED;
    }
}
