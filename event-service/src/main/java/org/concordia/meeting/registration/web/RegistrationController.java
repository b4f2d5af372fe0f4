package org.concordia.meeting.registration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.registration.Registering;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.platform.application.Paging;
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

    RegistrationController(Registering registering) {
        this.registering = registering;
    }

    @PostMapping("/api/v1/meetings/{id}/registrations")
    @Operation(
            summary = "Answer an invitation",
            description = "accepted: a seat within the capacity and the organization's seats, or a place on the"
                    + " waitlist in the order the store granted tickets; declined or tentative free the seat for the"
                    + " first waitlisted who fits. Until the registration deadline; answering again changes the"
                    + " answer. Publishes concordia.meeting.registration-confirmed.v1, -waitlisted, -declined,"
                    + " -tentative, and waitlist-promoted for whoever gets a freed seat.")
    RegistrationView answer(@PathVariable String id, @Valid @RequestBody AnswerRequest request) {
        Registration registration = switch (request.answer()) {
            case ACCEPTED -> registering.accept(id, request.personId());
            case DECLINED -> registering.decline(id, request.personId());
            case TENTATIVE -> registering.tentative(id, request.personId());
        };
        return view(registration);
    }

    @GetMapping("/api/v1/meetings/{id}/registrations")
    @Operation(summary = "List a meeting's registrations", description = "By ticket: the waitlist's order.")
    PageView<RegistrationView> list(
            @PathVariable String id,
            @Parameter(description = "Only this status") @RequestParam(required = false) @Nullable
                    RegistrationStatus status,
            @Parameter(description = ApiText.PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE)
                    int page,
            @Parameter(description = ApiText.SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE)
                    int size) {
        return PageView.of(
                Paging.page(
                        page,
                        size,
                        registering.countOfMeeting(id, status),
                        (offset, limit) -> registering.ofMeeting(id, status, offset, limit)),
                r -> RegistrationView.of(r, null));
    }

    @GetMapping("/api/v1/meetings/{id}/registrations/{personId}")
    @Operation(summary = "Get one person's registration", description = "With the waitlist position while waitlisted.")
    RegistrationView get(@PathVariable String id, @PathVariable String personId) {
        return view(registering.get(id, personId));
    }

    private RegistrationView view(Registration registration) {
        return RegistrationView.of(
                registration,
                registration.status() == RegistrationStatus.WAITLISTED ? registering.positionOf(registration) : null);
    }
}
