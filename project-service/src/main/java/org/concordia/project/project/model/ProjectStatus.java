package org.concordia.project.project.model;

import org.concordia.platform.domain.Coded;

/** Where a project is in its lifecycle: draft, then active, then completed; or cancelled from draft or active. */
public enum ProjectStatus implements Coded {
    DRAFT,
    ACTIVE,
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
