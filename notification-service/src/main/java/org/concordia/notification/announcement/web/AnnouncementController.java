package org.concordia.notification.announcement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.concordia.notification.access.AccessRules;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.announcement.Editing;
import org.concordia.notification.announcement.Previewing;
import org.concordia.notification.announcement.Reporting;
import org.concordia.notification.announcement.Writing;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.InvalidAnnouncement;
import org.concordia.notification.announcement.model.NotAllowed;
import org.concordia.notification.announcement.model.TooManyAnnouncements;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.platform.application.Paging;
import org.concordia.platform.openapi.ApiText;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.ProblemDetailsAdvice.FieldProblem;
import org.concordia.platform.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Announcements")
class AnnouncementController {

    private static final String TYPE_BASE = "https://concordia.org/problems/";

    private final Writing writing;
    private final Editing editing;
    private final Previewing previewing;
    private final Reporting reporting;
    private final AccessRules rules;

    AnnouncementController(
            Writing writing, Editing editing, Previewing previewing, Reporting reporting, AccessRules rules) {
        this.writing = writing;
        this.editing = editing;
        this.previewing = previewing;
        this.reporting = reporting;
        this.rules = rules;
    }

    @PostMapping("/api/v1/organizations/{organizationId}/announcements")
    @Operation(
            summary = "Write an announcement for the organization",
            description = "Only a coordinator of the organization or of its parent writes for it, to the"
                    + " organization's members (optionally some roles), its whole network, the partners of a project"
                    + " it leads or the participants of a meeting it organizes. Subject and Markdown body per"
                    + " language (BCP 47). Without sendAt it goes out at once; with it, at that time (edit or cancel"
                    + " until then). Limited per organization (429). A retry with the same Idempotency-Key (same"
                    + " author and organization) answers 200 with the announcement written first and writes nothing.")
    ResponseEntity<AnnouncementView> write(
            Caller caller,
            @Parameter(description = ApiText.IDEMPOTENCY_KEY)
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId,
            @Valid @RequestBody AnnouncementRequests.AnnouncementRequest request) {
        rules.require(caller, Action.WRITE_ANNOUNCEMENT, organizationId);
        String author = rules.author(caller, request.authorPersonId());
        // one key serves one author writing for one organization: another's retry never answers this one's
        String id = IdempotencyKeys.idFor("announcement:" + organizationId + ":" + author, idempotencyKey);
        return Responses.created(
                writing.write(id, organizationId, request.toDraft(author)),
                AnnouncementView::of,
                a -> AnnouncementView.of(a).version(),
                a -> "/api/v1/announcements/" + a.state().id());
    }

    @GetMapping("/api/v1/organizations/{organizationId}/announcements")
    @Operation(
            summary = "The organization's announcements, newest first",
            description = "For its coordinators (or those of an organization above it): scheduled, sent and"
                    + " cancelled ones, to edit, cancel, correct or report on.")
    PageView<AnnouncementView> list(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        rules.require(caller, Action.CHANGE_ANNOUNCEMENT, organizationId);
        return PageView.of(editing.ofOrganization(organizationId, page, size), AnnouncementView::of);
    }

    @PostMapping("/api/v1/organizations/{organizationId}/announcements/preview")
    @Operation(
            summary = "How many people targets reach, per language and per country, before sending",
            description = "Stores and sends nothing. With the languages written so far, counts the language each"
                    + " person would get and how many get a fallback.")
    Previewing.Preview preview(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId,
            @Valid @RequestBody AnnouncementRequests.PreviewRequest request) {
        rules.require(caller, Action.WRITE_ANNOUNCEMENT, organizationId);
        return previewing.preview(
                organizationId,
                rules.author(caller, request.authorPersonId()),
                request.targets().stream()
                        .map(AnnouncementRequests.TargetRequest::toModel)
                        .toList(),
                request.languages() == null ? List.of() : request.languages());
    }

    @GetMapping("/api/v1/announcements/{announcementId}")
    @Operation(summary = "One announcement")
    ResponseEntity<AnnouncementView> get(
            Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId) {
        return view(changeable(caller, announcementId));
    }

    @GetMapping("/api/v1/announcements/{announcementId}/preview")
    @Operation(summary = "Whom a written announcement reaches, per language and country, as things are now")
    Previewing.Preview previewWritten(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = Ids.PERSON) String authorPersonId) {
        Announcement announcement = changeable(caller, announcementId);
        return previewing.preview(announcement, rules.author(caller, authorPersonId));
    }

    @PutMapping("/api/v1/announcements/{announcementId}")
    @Operation(summary = "Edit a scheduled announcement (409 once it went out: correct it instead); If-Match optional")
    ResponseEntity<AnnouncementView> edit(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AnnouncementRequests.AnnouncementRequest request) {
        changeable(caller, announcementId);
        String author = rules.author(caller, request.authorPersonId());
        return view(editing.edit(announcementId, ETags.expectedVersion(ifMatch), request.toDraft(author)));
    }

    @PostMapping("/api/v1/announcements/{announcementId}/cancel")
    @Operation(summary = "Cancel a scheduled announcement; nothing is sent (409 once it went out)")
    ResponseEntity<AnnouncementView> cancel(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) AnnouncementRequests.@Nullable AuthorRequest request) {
        changeable(caller, announcementId);
        String author = rules.author(caller, request == null ? null : request.authorPersonId());
        return view(editing.cancel(announcementId, ETags.expectedVersion(ifMatch), author));
    }

    @PostMapping("/api/v1/announcements/{announcementId}/corrections")
    @Operation(
            summary = "Correct an announcement that went out",
            description = "Replaces its texts; everyone it reached gets the corrected text, marked corrected, with"
                    + " the change note.")
    ResponseEntity<AnnouncementView> correct(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AnnouncementRequests.CorrectionRequest request) {
        changeable(caller, announcementId);
        return view(editing.correct(
                announcementId,
                ETags.expectedVersion(ifMatch),
                rules.author(caller, request.authorPersonId()),
                request.texts().stream()
                        .map(AnnouncementRequests.TextRequest::toModel)
                        .toList(),
                request.changeNote()));
    }

    @GetMapping("/api/v1/announcements/{announcementId}/report")
    @Operation(
            summary = "What came of an announcement",
            description = "Recipients, delivered / failed / pending per channel, read, bounced webhooks, languages"
                    + " used and who got a fallback language.")
    Reporting.Report report(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String announcementId) {
        Announcement announcement = editing.find(announcementId);
        rules.require(caller, Action.READ_REPORT, announcement.state().organizationId());
        return reporting.report(announcementId);
    }

    /** The announcement (404 when unknown), if the caller coordinates its organization. */
    private Announcement changeable(Caller caller, String announcementId) {
        Announcement announcement = editing.find(announcementId);
        rules.require(caller, Action.CHANGE_ANNOUNCEMENT, announcement.state().organizationId());
        return announcement;
    }

    private static ResponseEntity<AnnouncementView> view(Announcement announcement) {
        AnnouncementView view = AnnouncementView.of(announcement);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @ExceptionHandler(InvalidAnnouncement.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAnnouncement ex) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
        body.setProperty(
                "errors",
                ex.problems().stream()
                        .map(p -> new FieldProblem(p.field(), p.message()))
                        .toList());
        return respond(HttpStatus.BAD_REQUEST, body);
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed ex) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", ex.getMessage());
        body.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return respond(HttpStatus.FORBIDDEN, body);
    }

    @ExceptionHandler(TooManyAnnouncements.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAnnouncements ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many announcements", ex.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
