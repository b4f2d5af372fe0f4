package org.concordia.organization.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.concordia.organization.access.AccessRules;
import org.concordia.organization.common.web.Tags;
import org.concordia.organization.organization.OrganizationRegistry;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.organization.organization.model.OrganizationSearch;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.CountryCode;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = Tags.ORGANIZATIONS)
class OrganizationController {

    private final OrganizationRegistry registry;
    private final AccessRules rules;

    OrganizationController(OrganizationRegistry registry, AccessRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @PostMapping
    @Operation(
            summary = "Register an organization",
            description = "Registers an organization, or a chapter or representation of one when parentId is given."
                    + " Top-level organizations: operators; chapters: coordinators of the parent."
                    + " Publishes concordia.organization.registered.v1.")
    ResponseEntity<OrganizationView> register(
            Caller caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody OrganizationRequest request) {
        rules.registerOrganization(caller, request.parentId());
        String id = IdempotencyKeys.idFor("organization", idempotencyKey);
        return Responses.created(
                registry.register(id, request.details(), request.parentId()),
                OrganizationView::of,
                Organization::version,
                o -> "/api/v1/organizations/" + o.id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an organization", description = "Archived organizations stay readable.")
    ResponseEntity<OrganizationView> get(@PathVariable @Size(max = 64) String id) {
        Organization organization = registry.get(id);
        return Responses.ok(OrganizationView.of(organization), organization.version());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace an organization's details",
            description =
                    "Replaces every field, including the parent; a parent that would make the organization its"
                            + " own ancestor is refused (422). Coordinators of the organization; a new parent also"
                            + " needs coordinators of the former and the new parent. Publishes concordia.organization.updated.v1 when anything changed.")
    ResponseEntity<OrganizationView> replace(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OrganizationRequest request) {
        rules.changeOrganization(caller, registry.get(id), request.parentId());
        Organization organization = registry.change(id, ETags.ifMatch(ifMatch), request.details(), request.parentId());
        return Responses.ok(OrganizationView.of(organization), organization.version());
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change some of an organization's details",
            description = "Changes the fields present; the others stay. Coordinators of the organization (a new"
                    + " parent as for PUT). Publishes concordia.organization.updated.v1"
                    + " when anything changed.")
    ResponseEntity<OrganizationView> patch(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OrganizationPatch patch) {
        Organization current = registry.get(id);
        rules.changeOrganization(caller, current, patch.parentIdFor(current));
        Organization organization = registry.change(id, ETags.ifMatch(ifMatch), patch::applyTo, patch::parentIdFor);
        return Responses.ok(OrganizationView.of(organization), organization.version());
    }

    @PostMapping("/{id}/archive")
    @Operation(
            summary = "Archive an organization",
            description = "Coordinators of the organization. It stays readable but takes no new members, chapters"
                    + " or partnerships. Archiving twice"
                    + " changes nothing. Publishes concordia.organization.archived.v1.")
    ResponseEntity<OrganizationView> archive(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        rules.archiveOrganization(caller, registry.get(id));
        Organization organization = registry.archive(id, ETags.ifMatch(ifMatch));
        return Responses.ok(OrganizationView.of(organization), organization.version());
    }

    @GetMapping
    @Operation(
            summary = "Find organizations",
            description = "Filters combine; the order is by name, then id, so pages are stable.")
    PageView<OrganizationView> search(
            @Parameter(description = "ISO 3166-1 alpha-2 code") @RequestParam(required = false) @CountryCode
                    String country,
            @RequestParam(required = false) OrganizationKind kind,
            @Parameter(description = "Only the chapters of this organization")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    String parentId,
            @Parameter(description = "Part of the name or short name, in any case")
                    @RequestParam(required = false)
                    @Size(max = 200)
                    String nameContains,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        OrganizationSearch search = new OrganizationSearch(
                country == null ? null : country.strip().toUpperCase(Locale.ROOT),
                kind,
                parentId,
                nameContains,
                includeArchived);
        return PageView.of(registry.search(search, page, size), OrganizationView::of);
    }

    @GetMapping("/{id}/chapters")
    @Operation(
            summary = "List an organization's chapters and representations",
            description = "Direct chapters only, by name.")
    PageView<OrganizationView> chapters(
            @PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(registry.chapters(id, includeArchived, page, size), OrganizationView::of);
    }

    @GetMapping("/{id}/ancestors")
    @Operation(
            summary = "Walk up to the root",
            description = "The parent first, then its parent, up to the root organization; empty for a root.")
    List<OrganizationView> ancestors(@PathVariable @Size(max = 64) String id) {
        return registry.ancestors(id).stream().map(OrganizationView::of).toList();
    }
}
