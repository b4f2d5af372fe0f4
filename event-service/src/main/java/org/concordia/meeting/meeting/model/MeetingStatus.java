package org.concordia.meeting.meeting.model;

import org.concordia.platform.domain.Coded;

public enum MeetingStatus implements Coded {
    SCHEDULED,
    HELD,
    CANCELLED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
