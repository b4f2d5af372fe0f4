package org.concordia.project.project.model;

import org.concordia.platform.domain.Coded;

/** Where an organization stands on its invitation: invited, then accepted or declined; an accepted partner may withdraw, and a pending invitation is withdrawn when its organization is archived. */
public enum PartnerStatus implements Coded {
    INVITED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String toString() {
        return code();
    }
}
