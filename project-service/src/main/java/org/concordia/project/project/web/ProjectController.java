package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.StandardCodes;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.CountryCode;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.concordia.project.access.AccessRules;
import org.concordia.project.access.AccessRules.Action;
import org.concordia.project.common.web.ApiText;
import org.concordia.project.project.ProjectCoordination;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectSearch;
import org.concordia.project.project.model.ProjectStatus;
import org.concordia.project.project.web.Views.ProjectSummaryView;
import org.concordia.project.project.web.Views.ProjectView;
import org.concordia.project.project.web.Views.TimelineView;
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
@RequestMapping("/api/v1")
@Tag(name = ApiText.PROJECTS)
class ProjectController {

    private final ProjectCoordination coordination;
    private final AccessRules rules;

    ProjectController(ProjectCoordination coordination, AccessRules rules) {
        this.coordination = coordination;
        this.rules = rules;
    }

    @PostMapping("/projects")
    @Operation(
            summary = "Propose a project",
            description = "The lead organization must be known from organization-events and not archived (else 422)."
                    + " The project starts as a draft. Publishes concordia.project.proposed.v1.")
    ResponseEntity<ProjectView> propose(
            Caller caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ProposeProjectRequest request) {
        rules.require(caller, Action.PROPOSE, request.leadOrganizationId().strip());
        String id = IdempotencyKeys.idFor("project", idempotencyKey);
        Created<Project> created = coordination.propose(id, request.details(), request.leadOrganizationId());
        return Responses.created(
                created, ProjectView::of, Views::version, project -> "/api/v1/projects/" + project.id());
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "Get a project", description = "With its partners and its milestones in date order.")
    ResponseEntity<ProjectView> get(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id) {
        Project project = coordination.get(id);
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @PutMapping("/projects/{id}")
    @Operation(
            summary = "Replace a project's details",
            description = "Title, summary, goals, period and funding; the lead does not change. Planned milestones"
                    + " must stay within the new period. Publishes concordia.project.details-changed.v1 when"
                    + " anything changed.")
    ResponseEntity<ProjectView> replace(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProjectDetailsRequest request) {
        requireOfLead(caller, Action.CHANGE, id);
        Project project = coordination.changeDetails(id, ETags.ifMatch(ifMatch), current -> request.details());
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @PatchMapping("/projects/{id}")
    @Operation(
            summary = "Change some of a project's details",
            description = "Changes the fields present; the others stay. Publishes"
                    + " concordia.project.details-changed.v1 when anything changed.")
    ResponseEntity<ProjectView> patch(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProjectDetailsPatch patch) {
        requireOfLead(caller, Action.CHANGE, id);
        Project project = coordination.changeDetails(id, ETags.ifMatch(ifMatch), patch::applyTo);
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @PostMapping("/projects/{id}/activate")
    @Operation(
            summary = "Activate a draft project",
            description = "Needs at least one accepted partner and at least two countries among the lead and its"
                    + " accepted partners (422 otherwise). Activating an active project changes nothing. Publishes"
                    + " concordia.project.activated.v1.")
    ResponseEntity<ProjectView> activate(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireOfLead(caller, Action.CHANGE, id);
        Project project = coordination.activate(id, ETags.ifMatch(ifMatch));
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @PostMapping("/projects/{id}/complete")
    @Operation(
            summary = "Complete an active project",
            description = "Every milestone must be completed or cancelled first. Publishes"
                    + " concordia.project.completed.v1.")
    ResponseEntity<ProjectView> complete(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireOfLead(caller, Action.CHANGE, id);
        Project project = coordination.complete(id, ETags.ifMatch(ifMatch));
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @PostMapping("/projects/{id}/cancel")
    @Operation(
            summary = "Cancel a draft or active project",
            description = "Optionally with a reason. Publishes concordia.project.cancelled.v1.")
    ResponseEntity<ProjectView> cancel(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        requireOfLead(caller, Action.CHANGE, id);
        Project project = coordination.cancel(id, ETags.ifMatch(ifMatch), ReasonRequest.of(request));
        return Responses.ok(ProjectView.of(project), Views.version(project));
    }

    @GetMapping("/projects/{id}/timeline")
    @Operation(
            summary = "A project's timeline",
            description = "Its milestones by date (the day reached, else the day due), then title, with the period.")
    ResponseEntity<TimelineView> timeline(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id) {
        Project project = coordination.get(id);
        return Responses.ok(TimelineView.of(project), Views.version(project));
    }

    @GetMapping("/projects")
    @Operation(
            summary = "Find projects",
            description = "Filters combine. organizationId finds the projects an organization leads or is invited to"
                    + " or partner of; country finds those in which the lead or an accepted partner is from that"
                    + " country. Ordered by title, then id.")
    PageView<ProjectSummaryView> search(
            @Parameter(description = "Lead, invited or accepted partner")
                    @RequestParam(required = false)
                    @Size(max = Limits.ID, message = "must be at most {max} characters")
                    String organizationId,
            @Parameter(description = "ISO 3166-1 alpha-2 code") @RequestParam(required = false) @CountryCode
                    String country,
            @Parameter(description = "draft, active, completed or cancelled") @RequestParam(required = false)
                    ProjectStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        ProjectSearch search = new ProjectSearch(
                organizationId == null || organizationId.isBlank() ? null : organizationId.strip(),
                StandardCodes.normalized(country == null || country.isBlank() ? null : country),
                status);
        return PageView.of(coordination.search(search, page, size), ProjectSummaryView::of);
    }

    @GetMapping("/organizations/{organizationId}/projects")
    @Operation(
            summary = "An organization's projects",
            description = "Those it leads or is invited to or partner of, ordered by title, then id.")
    PageView<ProjectSummaryView> ofOrganization(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String organizationId,
            @Parameter(description = "draft, active, completed or cancelled") @RequestParam(required = false)
                    ProjectStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(
                coordination.search(new ProjectSearch(organizationId, null, status), page, size),
                ProjectSummaryView::of);
    }

    /** The project's rules name its lead, so the project is looked up first: an unknown one is a 404 for everyone. */
    private void requireOfLead(Caller caller, Action action, String id) {
        rules.require(caller, action, coordination.get(id).lead().id());
    }
}
