package org.concordia.platform;

import org.concordia.platform.domain.Coded;

/** A coded enumeration as services declare theirs, to see it read and written by its code. */
public enum ClubKind implements Coded {
    SPORTS,
    CHESS_CLUB;

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
