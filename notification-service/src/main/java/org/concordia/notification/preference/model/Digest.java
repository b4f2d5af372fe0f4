package org.concordia.notification.preference.model;

import org.concordia.platform.domain.Coded;

/** How often e-mail that is not transactional is sent. */
public enum Digest implements Coded {
    IMMEDIATELY,
    DAILY,
    WEEKLY;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
