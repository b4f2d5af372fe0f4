package org.concordia.organization.organization;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.concordia.organization.organization.model.Lineage;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationSearch;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.platform.application.Changes;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Registering, changing, archiving and finding organizations and their chapters. */
@Service
public class OrganizationRegistry {

    private final Organizations organizations;
    private final Changes<Organization> changes;
    private final Clock clock;

    public OrganizationRegistry(Organizations organizations, Clock clock) {
        this.organizations = organizations;
        this.changes = Changes.of("Organization", organizations::byId, Organization::version, organizations::update);
        this.clock = clock;
    }

    /**
     * Registers an organization under the given id; a second call with the same id (a retried request) returns the
     * first result and records nothing.
     */
    public Created<Organization> register(String id, OrganizationDetails details, @Nullable String parentId) {
        var existing = organizations.byId(id);
        if (existing.isPresent()) {
            return Created.existing(existing.get());
        }
        Organization organization = Organization.register(id, details, parentLine(parentId), clock);
        try {
            return Created.created(organizations.add(organization));
        } catch (DuplicateKeyException raced) {
            return Created.existing(organizations.byId(id).orElseThrow(() -> raced));
        }
    }

    public Organization get(String id) {
        return organizations.byId(id).orElseThrow(() -> new NotFoundException("Organization", id));
    }

    /** Replaces an organization's details and parent. */
    public Organization change(
            String id, ExpectedVersion expected, OrganizationDetails details, @Nullable String parentId) {
        return change(id, expected, current -> details, current -> parentId);
    }

    /**
     * Changes an organization's details and parent as functions of the current ones (a patch), applied to the state
     * the change is written over.
     */
    public Organization change(
            String id,
            ExpectedVersion expected,
            UnaryOperator<OrganizationDetails> details,
            Function<Organization, @Nullable String> parentId) {
        return changes.apply(
                id,
                expected,
                organization -> organization.change(
                        details.apply(organization.details()), parentLine(parentId.apply(organization)), clock));
    }

    public Organization archive(String id, ExpectedVersion expected) {
        return changes.apply(id, expected, organization -> organization.archive(clock));
    }

    public Page<Organization> search(OrganizationSearch search, int page, int size) {
        return Paging.page(
                page,
                size,
                organizations.count(search),
                (offset, limit) -> organizations.search(search, offset, limit));
    }

    /** The direct chapters and representations of an organization. */
    public Page<Organization> chapters(String id, boolean includeArchived, int page, int size) {
        get(id);
        return search(OrganizationSearch.chaptersOf(id, includeArchived), page, size);
    }

    /** The parent, the parent's parent, and so on up to the root. */
    public List<Organization> ancestors(String id) {
        List<Organization> line = Lineage.from(get(id), organizations::byId).organizations();
        return line.subList(1, line.size());
    }

    private Lineage parentLine(@Nullable String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return Lineage.none();
        }
        Organization parent = organizations
                .byId(parentId)
                .orElseThrow(() -> new RuleViolationException(
                        "parentId: organization " + parentId + " does not exist", "parentId"));
        return Lineage.from(parent, organizations::byId);
    }
}
