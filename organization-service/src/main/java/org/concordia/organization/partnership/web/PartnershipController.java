package org.concordia.organization.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.concordia.organization.access.AccessRules;
import org.concordia.organization.common.web.Tags;
import org.concordia.organization.partnership.PartnershipEntry;
import org.concordia.organization.partnership.PartnershipRegistry;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.PARTNERSHIPS)
class PartnershipController {

    private final PartnershipRegistry registry;
    private final AccessRules rules;

    PartnershipController(PartnershipRegistry registry, AccessRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @PostMapping("/api/v1/partnerships")
    @Operation(
            summary = "Form a partnership",
            description = "Coordinators of the organization that records it. Between two different, non-archived"
                    + " organizations; one running partnership of a kind per pair (409 naming"
                    + " partnerOrganizationId). Publishes concordia.partnership.formed.v1.")
    ResponseEntity<PartnershipView> form(
            Caller caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PartnershipRequest request) {
        rules.formPartnership(caller, request.organizationId());
        String id = IdempotencyKeys.idFor("partnership", idempotencyKey);
        return Responses.created(
                registry.form(
                        id,
                        request.organizationId(),
                        request.partnerOrganizationId(),
                        request.kind(),
                        request.since(),
                        request.until()),
                PartnershipView::of,
                entry -> entry.partnership().version(),
                entry -> "/api/v1/partnerships/" + entry.partnership().id());
    }

    @GetMapping("/api/v1/partnerships/{id}")
    @Operation(summary = "Get a partnership")
    ResponseEntity<PartnershipView> get(@PathVariable @Size(max = 64) String id) {
        return single(registry.get(id));
    }

    @PostMapping("/api/v1/partnerships/{id}/end")
    @Operation(
            summary = "End a partnership",
            description = "Coordinators of either organization. On the given last day, or today; ending twice"
                    + " changes nothing. Publishes concordia.partnership.ended.v1.")
    ResponseEntity<PartnershipView> end(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) EndPartnershipRequest request) {
        rules.endPartnership(caller, registry.get(id).partnership());
        return single(registry.end(id, ETags.ifMatch(ifMatch), request == null ? null : request.endedOn()));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/partnerships")
    @Operation(summary = "List an organization's partnerships", description = "On either side, oldest first.")
    PageView<PartnershipView> of(
            @PathVariable @Size(max = 64) String organizationId,
            @Parameter(description = "Also ended ones") @RequestParam(defaultValue = "false") boolean includeEnded,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(registry.of(organizationId, includeEnded, page, size), PartnershipView::of);
    }

    private static ResponseEntity<PartnershipView> single(PartnershipEntry entry) {
        return Responses.ok(PartnershipView.of(entry), entry.partnership().version());
    }
}
