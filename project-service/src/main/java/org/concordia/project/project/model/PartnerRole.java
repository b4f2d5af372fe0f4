package org.concordia.project.project.model;

import org.concordia.platform.domain.Coded;

/** The part an invited organization plays. The lead is not a partner; events give it the role {@code lead}. */
public enum PartnerRole implements Coded {
    PARTNER,
    ASSOCIATE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
