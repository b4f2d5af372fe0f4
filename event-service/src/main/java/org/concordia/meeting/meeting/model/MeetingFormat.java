package org.concordia.meeting.meeting.model;

import org.concordia.platform.domain.Coded;

/** How people attend. */
public enum MeetingFormat implements Coded {
    IN_PERSON,
    ONLINE,
    HYBRID;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }

    boolean needsLink() {
        return this != IN_PERSON;
    }

    boolean needsVenue() {
        return this != ONLINE;
    }
}
