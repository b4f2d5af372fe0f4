package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.concordia.platform.application.Created;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.Responses;
import org.concordia.project.access.AccessRules;
import org.concordia.project.access.AccessRules.Action;
import org.concordia.project.common.web.ApiText;
import org.concordia.project.project.ProjectCoordination;
import org.concordia.project.project.ProjectCoordination.ProjectWith;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectPartner;
import org.concordia.project.project.web.Views.PartnerView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Invitations and the invited organizations' answers. Responses carry the project's version as ETag. */
@RestController
@RequestMapping("/api/v1/projects/{id}/partners")
@Tag(name = ApiText.PARTNERS)
class PartnerController {

    private final ProjectCoordination coordination;
    private final AccessRules rules;

    PartnerController(ProjectCoordination coordination, AccessRules rules) {
        this.coordination = coordination;
        this.rules = rules;
    }

    @PostMapping
    @Operation(
            summary = "Invite an organization",
            description = "The organization must be known from organization-events and not archived (else 422), must"
                    + " not lead the project (422) and must not be invited or a partner already (409); one that"
                    + " declined or withdrew may be invited again. Publishes concordia.project.partner-invited.v1.")
    ResponseEntity<PartnerView> invite(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody InvitationRequest request) {
        rules.require(caller, Action.INVITE, coordination.get(id).lead().id());
        if (idempotencyKey != null) {
            IdempotencyKeys.idFor("invitation", idempotencyKey); // validates the key's form
        }
        Created<ProjectWith<ProjectPartner>> created = coordination.invite(
                id,
                ETags.ifMatch(ifMatch),
                request.organizationId().strip(),
                request.roleOrDefault(),
                idempotencyKey != null);
        return Responses.created(
                created,
                result -> PartnerView.of(result.part()),
                result -> Views.version(result.project()),
                result ->
                        "/api/v1/projects/" + id + "/partners/" + result.part().organizationId());
    }

    @GetMapping
    @Operation(summary = "List a project's invited organizations", description = "In the order they were invited.")
    ResponseEntity<List<PartnerView>> list(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id) {
        Project project = coordination.get(id);
        return Responses.ok(project.partners().stream().map(PartnerView::of).toList(), Views.version(project));
    }

    @GetMapping("/{organizationId}")
    @Operation(summary = "Get an invited organization's status in a project")
    ResponseEntity<PartnerView> get(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String organizationId) {
        Project project = coordination.get(id);
        ProjectPartner partner = project.partner(organizationId)
                .orElseThrow(() ->
                        new NotFoundException("Invitation of organization", organizationId + " to project " + id));
        return Responses.ok(PartnerView.of(partner), Views.version(project));
    }

    @PostMapping("/{organizationId}/accept")
    @Operation(
            summary = "Accept an invitation",
            description = "Only an invited organization accepts; accepting twice changes nothing. Publishes"
                    + " concordia.project.partner-joined.v1.")
    ResponseEntity<PartnerView> accept(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireToAnswer(caller, id, organizationId);
        return answer(coordination.accept(id, ETags.ifMatch(ifMatch), organizationId));
    }

    @PostMapping("/{organizationId}/decline")
    @Operation(
            summary = "Decline an invitation",
            description = "Only an invited organization declines, optionally with a reason. Publishes"
                    + " concordia.project.partner-declined.v1.")
    ResponseEntity<PartnerView> decline(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        requireToAnswer(caller, id, organizationId);
        return answer(coordination.decline(id, ETags.ifMatch(ifMatch), organizationId, ReasonRequest.of(request)));
    }

    @PostMapping("/{organizationId}/withdraw")
    @Operation(
            summary = "Withdraw from a project",
            description = "Only an accepted partner withdraws, optionally with a reason. Publishes"
                    + " concordia.project.partner-withdrawn.v1.")
    ResponseEntity<PartnerView> withdraw(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        requireToAnswer(caller, id, organizationId);
        return answer(coordination.withdraw(id, ETags.ifMatch(ifMatch), organizationId, ReasonRequest.of(request)));
    }

    /** An organization answers for itself; an unknown project is a 404 for everyone. */
    private void requireToAnswer(Caller caller, String id, String organizationId) {
        coordination.get(id);
        rules.require(caller, Action.ANSWER, organizationId);
    }

    private static ResponseEntity<PartnerView> answer(ProjectWith<ProjectPartner> result) {
        return Responses.ok(PartnerView.of(result.part()), Views.version(result.project()));
    }
}
