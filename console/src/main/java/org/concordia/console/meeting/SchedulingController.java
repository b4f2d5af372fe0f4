package org.concordia.console.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.organization.Directory;
import org.concordia.console.signin.SignedIn;
import org.concordia.console.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator schedules a meeting: the invitees' local times update as the form changes, the slot finder proposes
 * times to pick from, and a refused request comes back with each message beside its field and the form as typed.
 */
@Controller
class SchedulingController {

    /** event-service's request fields → this form's fields. */
    private static final Map<String, String> FIELDS = Map.of(
            "targets", "invitees",
            "start", "date",
            "end", "durationMinutes",
            "organizerId", "organizationId",
            "rrule", "occurrences");

    private final Apis apis;
    private final Directory directory;
    private final FormErrors errors;
    private final MessageSource messages;

    SchedulingController(Apis apis, Directory directory, FormErrors errors, MessageSource messages) {
        this.apis = apis;
        this.directory = directory;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/coordination/meetings/new")
    String blank(Model model) {
        SignedIn me = SignedIn.required();
        return form(MeetingForm.startingWith(me.coordinatedOrganizations().get(0), me.zone()), Map.of(), model, false);
    }

    /** The form again with the time a slot-finder proposal named. */
    @PostMapping("/coordination/meetings/pick")
    String pick(@ModelAttribute MeetingForm form, @RequestParam String pick, Model model) {
        return form(form.at(LocalDateTime.parse(pick)), Map.of(), model, true);
    }

    @PostMapping("/coordination/meetings")
    String schedule(@ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            return form(form, unreadable, model, true);
        }
        try {
            Map<String, Object> meeting = apis.meetings()
                    .post()
                    .uri("/api/v1/meetings")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(form.scheduleRequest(me.personId()))
                    .retrieve()
                    .body(Apis.OBJECT);
            if (meeting == null) {
                throw new ApiProblem(502, "status-502", "No answer", null, Map.of());
            }
            redirect.addFlashAttribute("conflicts", meeting.get("conflicts"));
            redirect.addFlashAttribute("scheduled", true);
            return "redirect:/coordination/meetings/" + meeting.get("id");
        } catch (ApiProblem problem) {
            errors.show(model, problem, FIELDS);
            return form(form, Map.of(), model, true);
        }
    }

    /** The draft's time in each invitee's zone (htmx fragment). */
    @PostMapping("/coordination/meetings/zones")
    String zones(@ModelAttribute MeetingForm form, Model model) {
        model.addAttribute("view", zoneView(form));
        return "zones :: table";
    }

    /** The slot finder's best proposals for the invitees, from the form's day over a week (htmx fragment). */
    @PostMapping("/coordination/meetings/slots")
    String slots(@ModelAttribute MeetingForm form, Model model) {
        if (!form.invitesAnyone() || form.zone() == null || !form.unreadable().isEmpty()) {
            model.addAttribute("slots", null);
            return "schedule :: slots";
        }
        LocalDate from = LocalDate.parse(String.valueOf(form.date()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("targets", form.targets());
        request.put(
                "durationMinutes",
                Integer.parseInt(String.valueOf(form.durationMinutes()).strip()));
        request.put("from", from.toString());
        request.put("to", from.plusDays(6).toString());
        request.put("timeZone", String.valueOf(form.timeZone()).strip());
        request.put("limit", 5);
        Map<String, Object> found = apis.meetings()
                .post()
                .uri("/api/v1/slot-finder")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Apis.OBJECT);
        model.addAttribute("slots", found);
        model.addAttribute("slotZone", String.valueOf(form.timeZone()).strip());
        return "schedule :: slots";
    }

    /**
     * The invitees who accepted another meeting at the draft's time, before saving (htmx fragment): event-service checks
     * the draft as it would check the meeting, stores nothing and tells nobody.
     */
    @PostMapping("/coordination/meetings/conflicts")
    String conflicts(@ModelAttribute MeetingForm form, Model model) {
        SignedIn me = SignedIn.required();
        if (!form.invitesAnyone() || !form.unreadable().isEmpty() || form.start() == null || form.end() == null) {
            model.addAttribute(
                    "conflictsUnchecked",
                    messages.getMessage("conflicts.incomplete", null, LocaleContextHolder.getLocale()));
            return "schedule :: conflicts";
        }
        try {
            Map<String, Object> found = apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/conflicts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(form.conflictsRequest(me.personId()))
                    .retrieve()
                    .body(Apis.OBJECT);
            model.addAttribute("draftConflicts", found == null ? List.of() : found.get("conflicts"));
        } catch (ApiProblem problem) {
            model.addAttribute("conflictsUnchecked", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "schedule :: conflicts";
    }

    private @Nullable Map<String, Object> zoneView(MeetingForm form) {
        OffsetDateTime start = form.start();
        OffsetDateTime end = form.end();
        if (!form.invitesAnyone() || start == null || end == null || !end.isAfter(start)) {
            return null;
        }
        return apis.meetings()
                .post()
                .uri("/api/v1/time-zone-view")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("start", start, "end", end, "targets", form.targets()))
                .retrieve()
                .body(Apis.OBJECT);
    }

    private String form(MeetingForm form, Map<String, String> unreadable, Model model, boolean withZones) {
        SignedIn me = SignedIn.required();
        Locale locale = LocaleContextHolder.getLocale();
        if (!unreadable.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            unreadable.forEach((field, key) -> fieldErrors.put(field, messages.getMessage(key, null, locale)));
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("formError", messages.getMessage("problem.validation", null, locale));
        }
        model.addAttribute("form", form);
        model.addAttribute("organizations", directory.organizations(me.coordinatedOrganizations()));
        model.addAttribute("people", directory.membersOf(me.coordinatedOrganizations()));
        model.addAttribute("zones", List.of());
        model.addAttribute("repeats", MeetingForm.REPEATS);
        if (withZones && unreadable.isEmpty()) {
            try {
                model.addAttribute("view", zoneView(form));
            } catch (ApiProblem ignored) {
                // the zone view is a help; the form's own errors say what is wrong
                model.addAttribute("view", null);
            }
        }
        return "schedule";
    }
}
