package org.concordia.organization.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.concordia.organization.access.AccessRules;
import org.concordia.organization.common.web.Tags;
import org.concordia.organization.membership.MembershipEntry;
import org.concordia.organization.membership.MembershipRegistry;
import org.concordia.organization.membership.model.Role;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.MEMBERSHIPS)
class MembershipController {

    private final MembershipRegistry registry;
    private final AccessRules rules;

    MembershipController(MembershipRegistry registry, AccessRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @PostMapping("/api/v1/organizations/{organizationId}/members")
    @Operation(
            summary = "Add a member to an organization",
            description = "Coordinators of the organization; operators add the first coordinator of an organization"
                    + " that has none in it or above it. A person holds at most one active membership per"
                    + " organization (409 naming personId); archived organizations take no new members (422)."
                    + " Publishes concordia.membership.joined.v1.")
    ResponseEntity<MembershipView> join(
            Caller caller,
            @PathVariable @Size(max = 64) String organizationId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody JoinRequest request) {
        rules.addMember(caller, organizationId, request.roles());
        String id = IdempotencyKeys.idFor("membership:" + organizationId, idempotencyKey);
        return Responses.created(
                registry.join(
                        id,
                        organizationId,
                        request.personId(),
                        request.roles(),
                        request.validFrom(),
                        request.validUntil()),
                entry -> view(caller, entry),
                entry -> entry.membership().version(),
                entry -> "/api/v1/memberships/" + entry.membership().id());
    }

    @GetMapping("/api/v1/organizations/{organizationId}/members")
    @Operation(
            summary = "List an organization's members",
            description = "Active members, oldest membership first; ?role=coordinator lists the coordinators."
                    + " E-mail addresses as for a person, null where hidden.")
    PageView<MembershipView> members(
            Caller caller,
            @PathVariable @Size(max = 64) String organizationId,
            @Parameter(description = "Only members holding this role") @RequestParam(required = false) Role role,
            @Parameter(description = "Also those who left") @RequestParam(defaultValue = "false") boolean includeFormer,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return views(caller, registry.members(organizationId, role, includeFormer, page, size));
    }

    @GetMapping("/api/v1/people/{personId}/memberships")
    @Operation(summary = "List a person's memberships", description = "Active ones, oldest first.")
    PageView<MembershipView> ofPerson(
            Caller caller,
            @PathVariable @Size(max = 64) String personId,
            @Parameter(description = "Also those the person left") @RequestParam(defaultValue = "false")
                    boolean includeFormer,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return views(caller, registry.ofPerson(personId, includeFormer, page, size));
    }

    @GetMapping("/api/v1/memberships/{id}")
    @Operation(summary = "Get a membership")
    ResponseEntity<MembershipView> get(Caller caller, @PathVariable @Size(max = 64) String id) {
        return single(caller, registry.get(id));
    }

    @PatchMapping("/api/v1/memberships/{id}")
    @Operation(
            summary = "Change a member's roles",
            description = "Coordinators of the organization. Replaces the roles. Publishes"
                    + " concordia.membership.roles-changed.v1 when they changed.")
    ResponseEntity<MembershipView> changeRoles(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RolesRequest request) {
        rules.changeRoles(caller, registry.get(id).membership());
        return single(caller, registry.changeRoles(id, ETags.ifMatch(ifMatch), request.roles()));
    }

    @PostMapping("/api/v1/memberships/{id}/leave")
    @Operation(
            summary = "End a membership",
            description = "Coordinators of the organization, or the member. The membership stays readable as a"
                    + " former one; leaving twice changes nothing. Publishes concordia.membership.left.v1.")
    ResponseEntity<MembershipView> leave(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        rules.endMembership(caller, registry.get(id).membership());
        return single(caller, registry.leave(id, ETags.ifMatch(ifMatch)));
    }

    private ResponseEntity<MembershipView> single(Caller caller, MembershipEntry entry) {
        return Responses.ok(view(caller, entry), entry.membership().version());
    }

    private MembershipView view(Caller caller, MembershipEntry entry) {
        return MembershipView.of(
                entry, rules.readsContactsOf(caller, entry.membership().personId()));
    }

    private PageView<MembershipView> views(Caller caller, Page<MembershipEntry> page) {
        Set<String> contacts = rules.contactsReadable(
                caller, page.map(entry -> entry.membership().personId()).getContent());
        return PageView.of(
                page,
                entry -> MembershipView.of(
                        entry, contacts.contains(entry.membership().personId())));
    }
}
