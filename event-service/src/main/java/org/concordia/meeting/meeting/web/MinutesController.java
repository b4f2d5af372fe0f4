package org.concordia.meeting.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.concordia.meeting.access.AccessRules;
import org.concordia.meeting.access.AccessRules.Action;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.meeting.PublishingMinutes;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = ApiText.MINUTES)
class MinutesController {

    private final PublishingMinutes publishing;
    private final Browsing browsing;
    private final AccessRules rules;

    MinutesController(PublishingMinutes publishing, Browsing browsing, AccessRules rules) {
        this.publishing = publishing;
        this.browsing = browsing;
        this.rules = rules;
    }

    @PostMapping("/api/v1/meetings/{id}/minutes")
    @Operation(
            summary = "Publish the minutes",
            description = "Of a meeting marked held, or of a past occurrence of a series; once (409 afterwards,"
                    + " correct them instead). Publishes concordia.meeting.minutes-published.v1.")
    ResponseEntity<MeetingView> publish(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody MinutesRequest request,
            Caller caller) {
        rules.require(caller, Action.PUBLISH_MINUTES, browsing.get(id));
        Meeting meeting = publishing.publish(
                id,
                ETags.expectedVersion(ifMatch),
                request.occurrence() == null ? null : request.occurrence().toInstant(),
                request.summary().strip(),
                request.decisionList(),
                request.actionPoints());
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.of(meeting.version()))
                .body(MeetingView.of(meeting, null, List.of()));
    }

    @PutMapping("/api/v1/meetings/{id}/minutes")
    @Operation(
            summary = "Correct published minutes",
            description = "Replaces them as a new revision. Publishes concordia.meeting.minutes-corrected.v1.")
    ResponseEntity<MeetingView> correct(
            @PathVariable String id,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody MinutesRequest request,
            Caller caller) {
        rules.require(caller, Action.PUBLISH_MINUTES, browsing.get(id));
        Meeting meeting = publishing.correct(
                id,
                ETags.expectedVersion(ifMatch),
                request.occurrence() == null ? null : request.occurrence().toInstant(),
                request.summary().strip(),
                request.decisionList(),
                request.actionPoints(),
                request.changeNote());
        return Responses.ok(MeetingView.of(meeting, null, List.of()), meeting.version());
    }

    @PostMapping("/api/v1/meetings/{id}/action-items/{actionItemId}/close")
    @Operation(summary = "Close an action item", description = "It is no longer carried into the series' agendas.")
    ResponseEntity<MeetingView> close(
            @PathVariable String id,
            @PathVariable String actionItemId,
            @Parameter(description = ApiText.IF_MATCH)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            Caller caller) {
        rules.require(caller, Action.CLOSE_ACTION_ITEM, browsing.get(id));
        Meeting meeting = publishing.closeActionItem(id, ETags.expectedVersion(ifMatch), actionItemId);
        return Responses.ok(MeetingView.of(meeting, null, List.of()), meeting.version());
    }

    @GetMapping("/api/v1/meetings/{id}/agenda")
    @Operation(
            summary = "The agenda of a meeting or of one occurrence",
            description = "The planned points, then the open action items of the series' earlier occurrences"
                    + " (carriedOver, shown to the meeting's participants only). Without occurrence: the next"
                    + " occurrence still to come, or the meeting's.")
    AgendaView agenda(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable OffsetDateTime occurrence,
            Caller caller) {
        Browsing.Agenda agenda = browsing.agenda(id, occurrence == null ? null : occurrence.toInstant());
        ZoneId zone = agenda.meeting().timing().zone();
        boolean participant = rules.isParticipant(caller, agenda.meeting());
        return new AgendaView(
                MeetingView.at(agenda.occurrence(), zone),
                agenda.items().stream()
                        .filter(c -> participant || c.actionItemId() == null)
                        .map(c -> new AgendaView.Item(
                                c.point().title(),
                                c.point().minutes(),
                                c.point().presenter(),
                                c.point().presenterPersonId(),
                                c.actionItemId() != null,
                                c.actionItemId()))
                        .toList());
    }

    record AgendaView(OffsetDateTime occurrence, List<Item> items) {
        record Item(
                String title,
                @Nullable Integer minutes,
                @Nullable String presenter,
                @Nullable String presenterPersonId,
                boolean carriedOver,
                @Nullable String actionItemId) {}
    }
}
