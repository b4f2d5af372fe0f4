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
import org.concordia.project.project.model.Milestone;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.web.Views.MilestoneView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A project's milestones. Responses carry the project's version as ETag. */
@RestController
@RequestMapping("/api/v1/projects/{id}/milestones")
@Tag(name = ApiText.MILESTONES)
class MilestoneController {

    private final ProjectCoordination coordination;
    private final AccessRules rules;

    MilestoneController(ProjectCoordination coordination, AccessRules rules) {
        this.coordination = coordination;
        this.rules = rules;
    }

    @PostMapping
    @Operation(
            summary = "Plan a milestone",
            description = "Due within the project's period, or up to 30 days before it or 90 days after it; study"
                    + " visits and forums need a host country. Publishes concordia.project.milestone-planned.v1.")
    ResponseEntity<MilestoneView> plan(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MilestoneRequest request) {
        requireToPlan(caller, id);
        String milestoneId = IdempotencyKeys.idFor("milestone\n" + id, idempotencyKey);
        Created<ProjectWith<Milestone>> created = coordination.planMilestone(
                id,
                ETags.ifMatch(ifMatch),
                milestoneId,
                request.kind(),
                request.title(),
                request.hostCountry(),
                request.hostCity(),
                request.dueDate(),
                idempotencyKey != null);
        return Responses.created(
                created,
                result -> MilestoneView.of(id, result.part()),
                result -> Views.version(result.project()),
                result -> "/api/v1/projects/" + id + "/milestones/" + milestoneId);
    }

    @GetMapping
    @Operation(summary = "List a project's milestones", description = "By date, then title, like the timeline.")
    ResponseEntity<List<MilestoneView>> list(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id) {
        Project project = coordination.get(id);
        return Responses.ok(
                project.timeline().stream().map(m -> MilestoneView.of(id, m)).toList(), Views.version(project));
    }

    @GetMapping("/{milestoneId}")
    @Operation(summary = "Get a milestone")
    ResponseEntity<MilestoneView> get(
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String milestoneId) {
        Project project = coordination.get(id);
        Milestone milestone = project.milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("Milestone", milestoneId + " of project " + id));
        return Responses.ok(MilestoneView.of(id, milestone), Views.version(project));
    }

    @PostMapping("/{milestoneId}/reschedule")
    @Operation(
            summary = "Reschedule a planned milestone",
            description = "The new due date follows the same bounds. Publishes"
                    + " concordia.project.milestone-rescheduled.v1 with the previous date.")
    ResponseEntity<MilestoneView> reschedule(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String milestoneId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RescheduleRequest request) {
        requireToPlan(caller, id);
        return view(coordination.rescheduleMilestone(id, ETags.ifMatch(ifMatch), milestoneId, request.dueDate()));
    }

    @PostMapping("/{milestoneId}/complete")
    @Operation(
            summary = "Complete a planned milestone",
            description = "While the project is active, on a day not in the future (today when absent). Publishes"
                    + " concordia.project.milestone-completed.v1.")
    ResponseEntity<MilestoneView> complete(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String milestoneId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) CompletionRequest request) {
        requireToPlan(caller, id);
        return view(
                coordination.completeMilestone(id, ETags.ifMatch(ifMatch), milestoneId, CompletionRequest.of(request)));
    }

    @PostMapping("/{milestoneId}/cancel")
    @Operation(
            summary = "Cancel a planned milestone",
            description = "Optionally with a reason. Stored and shown; not published, as the event catalogue has no"
                    + " milestone-cancelled event yet.")
    ResponseEntity<MilestoneView> cancel(
            Caller caller,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String id,
            @PathVariable @Size(max = Limits.ID, message = "must be at most {max} characters") String milestoneId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonRequest request) {
        requireToPlan(caller, id);
        return view(coordination.cancelMilestone(id, ETags.ifMatch(ifMatch), milestoneId, ReasonRequest.of(request)));
    }

    /** The project's lead plans; an unknown project is a 404 for everyone. */
    private void requireToPlan(Caller caller, String id) {
        rules.require(caller, Action.PLAN, coordination.get(id).lead().id());
    }

    private static ResponseEntity<MilestoneView> view(ProjectWith<Milestone> result) {
        return Responses.ok(MilestoneView.of(result.project().id(), result.part()), Views.version(result.project()));
    }
}
