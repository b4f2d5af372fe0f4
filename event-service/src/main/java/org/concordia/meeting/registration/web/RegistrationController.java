package org.concordia.meeting.registration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.meeting.access.AccessRules;
import org.concordia.meeting.access.AccessRules.Action;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.registration.Registering;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.PageView;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = ApiText.REGISTRATIONS)
class RegistrationController {

    private final Registering registering;
    private final Browsing browsing;
    private final AccessRules rules;

    RegistrationController(Registering registering, Browsing browsing, AccessRules rules) {
        this.registering = registering;
        this.browsing = browsing;
        this.rules = rules;
    }

    @PostMapping("/api/v1/meetings/{id}/registrations")
    @Operation(
            summary = "Answer an invitation",
            description = "accepted: a seat within the capacity and the organization's seats, or a place on the"
                    + " waitlist in the order the store granted tickets; declined or tentative free the seat for the"
                    + " first waitlisted who fits. Until the registration deadline; answering again changes the"
                    + " answer. Publishes concordia.meeting.registration-confirmed.v1, -waitlisted, -declined,"
                    + " -tentative, and waitlist-promoted for whoever gets a freed seat. For a series, name the"
                    + " occurrence (its recurrence id) or leave it out to answer for every occurrence still to come:"
                    + " each occurrence has its own seats and waitlist, and the answer lists one registration per"
                    + " occurrence in `occurrences`. The person answers for themselves; a coordinator of the"
                    + " organization through which they are invited may answer for them (within its seats).")
    RegistrationView answer(@PathVariable String id, @Valid @RequestBody AnswerRequest request, Caller caller) {
        String personId = request.personId() != null ? request.personId() : caller.personId();
        rules.requireToAnswer(caller, browsing.get(id), personId == null ? "" : personId);
        Instant occurrence =
                request.occurrence() == null ? null : request.occurrence().toInstant();
        List<Registration> answered = switch (request.answer()) {
            case ACCEPTED -> registering.accept(id, personId, occurrence);
            case DECLINED -> registering.decline(id, personId, occurrence);
            case TENTATIVE -> registering.tentative(id, personId, occurrence);
        };
        if (answered.size() == 1) {
            return view(answered.get(0));
        }
        List<RegistrationView> each = answered.stream().map(this::view).toList();
        RegistrationView first = each.get(0);
        return RegistrationView.of(answered.get(0), first.waitlistPosition(), each);
    }

    @GetMapping("/api/v1/meetings/{id}/registrations")
    @Operation(
            summary = "List a meeting's registrations",
            description = "By ticket: the waitlist's order. For the meeting's participants.")
    PageView<RegistrationView> list(
            @PathVariable String id,
            @Parameter(description = "Only this status") @RequestParam(required = false) @Nullable
                    RegistrationStatus status,
            @Parameter(description = "For a series, only this occurrence (its recurrence id)")
                    @RequestParam(required = false)
                    @Nullable
                    OffsetDateTime occurrence,
            @Parameter(description = ApiText.PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE)
                    int page,
            @Parameter(description = ApiText.SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE)
                    int size,
            Caller caller) {
        rules.require(caller, Action.READ_REGISTRATIONS, browsing.get(id));
        return PageView.of(
                Paging.page(
                        page,
                        size,
                        registering.countOfMeeting(id, instant(occurrence), status),
                        (offset, limit) -> registering.ofMeeting(id, instant(occurrence), status, offset, limit)),
                r -> RegistrationView.of(r, null));
    }

    @GetMapping("/api/v1/meetings/{id}/registrations/{personId}")
    @Operation(
            summary = "Get one person's registration",
            description = "With the waitlist position while waitlisted. For a series, the occurrence given (its"
                    + " recurrence id), else the first still to come. For the meeting's participants.")
    RegistrationView get(
            @PathVariable String id,
            @PathVariable String personId,
            @Parameter(description = "For a series, which occurrence (its recurrence id)")
                    @RequestParam(required = false)
                    @Nullable
                    OffsetDateTime occurrence,
            Caller caller) {
        rules.require(caller, Action.READ_REGISTRATIONS, browsing.get(id));
        return view(registering.get(id, personId, instant(occurrence)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private RegistrationView view(Registration registration) {
        return RegistrationView.of(
                registration,
                registration.status() == RegistrationStatus.WAITLISTED ? registering.positionOf(registration) : null);
    }
}
