package org.concordia.project.project.model;

import org.concordia.platform.domain.Coded;

/** What sort of milestone this is. Study visits and forums take place somewhere, so they have a host country. */
public enum MilestoneKind implements Coded {
    STUDY_VISIT,
    FORUM,
    PUBLICATION,
    REPORT,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
