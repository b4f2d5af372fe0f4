package org.concordia.organization.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.organization.partnership.model.PartnershipKind;
import org.concordia.organization.partnership.model.Partnerships;
import org.concordia.platform.application.Changes;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Forming and ending partnerships between organizations. */
@Service
public class PartnershipRegistry {

    private final Partnerships partnerships;
    private final Changes<Partnership> changes;
    private final Organizations organizations;
    private final Clock clock;

    public PartnershipRegistry(Partnerships partnerships, Organizations organizations, Clock clock) {
        this.partnerships = partnerships;
        this.changes = Changes.of("Partnership", partnerships::byId, Partnership::version, partnerships::update);
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Records a partnership. A retry with the same id returns the first result; a running partnership of the same
     * kind between the same two organizations is a conflict on {@code partnerOrganizationId}.
     */
    public Created<PartnershipEntry> form(
            String id,
            String organizationId,
            String partnerOrganizationId,
            PartnershipKind kind,
            LocalDate since,
            LocalDate until) {
        var existing = partnerships.byId(id);
        if (existing.isPresent()) {
            return Created.existing(entry(existing.get()));
        }
        Organization organization = referenced(organizationId, "organizationId");
        Organization partner = referenced(partnerOrganizationId, "partnerOrganizationId");
        Partnership partnership = Partnership.form(id, organization, partner, kind, since, until, clock);
        try {
            return Created.created(new PartnershipEntry(partnerships.add(partnership), organization, partner));
        } catch (DuplicateKeyException duplicate) {
            return partnerships
                    .byId(id)
                    .map(first -> Created.existing(entry(first)))
                    .orElseThrow(() -> new ConflictException(
                            organization.name() + " and " + partner.name() + " already have a running " + kind
                                    + " partnership",
                            "partnerOrganizationId"));
        }
    }

    public PartnershipEntry get(String id) {
        return entry(partnership(id));
    }

    /** Ends a partnership on {@code lastDay}, today (UTC) when absent. */
    public PartnershipEntry end(String id, ExpectedVersion expected, @Nullable LocalDate lastDay) {
        LocalDate day = lastDay != null ? lastDay : LocalDate.now(clock);
        return entry(changes.apply(id, expected, partnership -> {
            PartnershipEntry entry = entry(partnership);
            return partnership.end(day, entry.organization(), entry.partner(), clock);
        }));
    }

    /** The partnerships an organization takes part in, on either side. */
    public Page<PartnershipEntry> of(String organizationId, boolean includeEnded, int page, int size) {
        organizations.byId(organizationId).orElseThrow(() -> new NotFoundException("Organization", organizationId));
        Page<Partnership> found = Paging.page(
                page,
                size,
                partnerships.countOf(organizationId, includeEnded),
                (offset, limit) -> partnerships.of(organizationId, includeEnded, offset, limit));
        Set<String> ids = new HashSet<>();
        found.forEach(p -> {
            ids.add(p.organizationId());
            ids.add(p.partnerOrganizationId());
        });
        Map<String, Organization> byId =
                organizations.byIds(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        return found.map(
                p -> new PartnershipEntry(p, byId.get(p.organizationId()), byId.get(p.partnerOrganizationId())));
    }

    private Partnership partnership(String id) {
        return partnerships.byId(id).orElseThrow(() -> new NotFoundException("Partnership", id));
    }

    private Organization referenced(String id, String field) {
        return organizations
                .byId(id)
                .orElseThrow(
                        () -> new RuleViolationException(field + ": organization " + id + " does not exist", field));
    }

    private PartnershipEntry entry(Partnership partnership) {
        return new PartnershipEntry(
                partnership,
                organizations.byId(partnership.organizationId()).orElseThrow(),
                organizations.byId(partnership.partnerOrganizationId()).orElseThrow());
    }
}
