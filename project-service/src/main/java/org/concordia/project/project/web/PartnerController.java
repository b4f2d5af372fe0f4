package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.concordia.platform.application.Created;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.Responses;
import org.concordia.project.common.web.ApiText;
import org.concordia.project.project.ProjectCoordination;
import org.concordia.project.project.ProjectCoordination.ProjectWith;
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

    PartnerController(ProjectCoordination coordination) {
        this.coordination = coordination;
    }

    @PostMapping
    @Operation(
            summary = "Invite an organization",
            description = "The organization must be known from organization-events and not archived (else 422), must"
                    + " not lead the project (422) and must not be invited or a partner already (409); one that"
                    + " declined or withdrew may be invited again. Publishes concordia.project.partner-invited.v1.")
    ResponseEntity<PartnerView> invite(
            @PathVariable String id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody InvitationRequest request) {
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
    ResponseEntity<List<PartnerView>> list(@PathVariable String id) {
        Project project = coordination.get(id);
        return Responses.ok(project.partners().stream().map(PartnerView::of).toList(), Views.version(project));
    }

    @GetMapping("/{organizationId}")
    @Operation(summary = "Get an invited organization's status in a project")
    ResponseEntity<PartnerView> get(@PathVariable String id, @PathVariable String organizationId) {
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
            @PathVariable String id,
            @PathVariable String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(coordination.accept(id, ETags.ifMatch(ifMatch), organizationId));
    }

    @PostMapping("/{organizationId}/decline")
    @Operation(
            summary = "Decline an invitation",
            description = "Only an invited organization declines, optionally with a reason. Publishes"
                    + " concordia.project.partner-declined.v1.")
    ResponseEntity<PartnerView> decline(
            @PathVariable String id,
            @PathVariable String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        return answer(coordination.decline(id, ETags.ifMatch(ifMatch), organizationId, ReasonRequest.of(request)));
    }

    @PostMapping("/{organizationId}/withdraw")
    @Operation(
            summary = "Withdraw from a project",
            description = "Only an accepted partner withdraws, optionally with a reason. Publishes"
                    + " concordia.project.partner-withdrawn.v1.")
    ResponseEntity<PartnerView> withdraw(
            @PathVariable String id,
            @PathVariable String organizationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        return answer(coordination.withdraw(id, ETags.ifMatch(ifMatch), organizationId, ReasonRequest.of(request)));
    }

    private static ResponseEntity<PartnerView> answer(ProjectWith<ProjectPartner> result) {
        return Responses.ok(PartnerView.of(result.part()), Views.version(result.project()));
    }
}
