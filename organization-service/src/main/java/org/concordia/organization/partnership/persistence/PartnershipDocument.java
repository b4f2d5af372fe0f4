package org.concordia.organization.partnership.persistence;

import java.time.Instant;
import org.concordia.organization.common.persistence.Dates;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.organization.partnership.model.PartnershipKind;
import org.concordia.platform.domain.Coded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partnership as stored. While it runs, {@code runningKey} ({@code kind|first id|second id}, the ids in order) has a
 * unique sparse index: one running partnership of a kind per pair of organizations, whichever side recorded it.
 */
@Document("partnerships")
public class PartnershipDocument {

    @Id
    String id;

    @Version
    Long version;

    String organizationId;
    String partnerOrganizationId;
    /** Both sides, to list an organization's partnerships with one indexed query. */
    java.util.List<String> parties;

    String kind;
    String since;
    String until;
    String endedOn;
    boolean running;
    String runningKey;
    Instant formedAt;
    Instant endedAt;

    public PartnershipDocument() {}

    static PartnershipDocument of(Partnership partnership) {
        PartnershipDocument document = new PartnershipDocument();
        document.id = partnership.id();
        document.version = partnership.version();
        document.organizationId = partnership.organizationId();
        document.partnerOrganizationId = partnership.partnerOrganizationId();
        document.parties = java.util.List.of(partnership.organizationId(), partnership.partnerOrganizationId());
        document.kind = partnership.kind().code();
        document.since = Dates.write(partnership.since());
        document.until = Dates.write(partnership.until());
        document.endedOn = Dates.write(partnership.endedOn());
        document.running = partnership.isRunning();
        document.runningKey = partnership.isRunning() ? runningKey(partnership) : null;
        document.formedAt = partnership.formedAt();
        document.endedAt = partnership.endedAt();
        return document;
    }

    private static String runningKey(Partnership partnership) {
        String a = partnership.organizationId(), b = partnership.partnerOrganizationId();
        return partnership.kind().code() + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }

    Partnership toModel() {
        return Partnership.restore(
                id,
                version,
                organizationId,
                partnerOrganizationId,
                Coded.fromCode(PartnershipKind.class, kind).orElse(PartnershipKind.OTHER),
                Dates.read(since),
                Dates.read(until),
                Dates.read(endedOn),
                formedAt,
                endedAt);
    }
}
