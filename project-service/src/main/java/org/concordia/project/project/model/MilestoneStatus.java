package org.concordia.project.project.model;

import org.concordia.platform.domain.Coded;

/** A milestone is planned until it is completed or cancelled. */
public enum MilestoneStatus implements Coded {
    PLANNED,
    COMPLETED,
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
