package org.concordia.organization.partnership.web;

import java.time.Instant;
import java.time.LocalDate;
import org.concordia.organization.partnership.PartnershipEntry;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.organization.partnership.model.PartnershipKind;

/** A partnership as the API shows it. */
record PartnershipView(
        String id,
        long version,
        String organizationId,
        String organizationName,
        String partnerOrganizationId,
        String partnerOrganizationName,
        PartnershipKind kind,
        LocalDate since,
        LocalDate until,
        LocalDate endedOn,
        boolean running,
        Instant formedAt) {

    static PartnershipView of(PartnershipEntry entry) {
        Partnership partnership = entry.partnership();
        return new PartnershipView(
                partnership.id(),
                partnership.version(),
                partnership.organizationId(),
                entry.organization() == null ? null : entry.organization().name(),
                partnership.partnerOrganizationId(),
                entry.partner() == null ? null : entry.partner().name(),
                partnership.kind(),
                partnership.since(),
                partnership.until(),
                partnership.endedOn(),
                partnership.isRunning(),
                partnership.formedAt());
    }
}
