package org.concordia.console.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.organization.Directory;
import org.concordia.console.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting as its organizer runs it: local times, the occurrences of a series, registrations with the waitlist and
 * the delegations' seats; reschedule, cancel with a reason, mark it held so that the minutes can follow.
 */
@Controller
class OrganizedMeetingController {

    private final Apis apis;
    private final Directory directory;
    private final FormErrors errors;
    private final MessageSource messages;

    OrganizedMeetingController(Apis apis, Directory directory, FormErrors errors, MessageSource messages) {
        this.apis = apis;
        this.directory = directory;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/coordination/meetings/{id}")
    String meeting(@PathVariable String id, Model model) {
        Map<String, Object> meeting = Meetings.get(apis, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute(
                "view",
                apis.meetings()
                        .get()
                        .uri("/api/v1/meetings/{id}/local-times", id)
                        .retrieve()
                        .body(Apis.OBJECT));
        List<Map<String, Object>> registrations = Meetings.content(apis.meetings()
                .get()
                .uri("/api/v1/meetings/{id}/registrations?size=100", id)
                .retrieve()
                .body(Apis.OBJECT));
        Set<String> people = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        for (Map<String, Object> registration : registrations) {
            people.add(String.valueOf(registration.get("personId")));
            if (registration.get("organizationId") instanceof String organizationId) {
                organizations.add(organizationId);
            }
        }
        Map<String, String> organizationNames = new LinkedHashMap<>();
        directory
                .organizations(List.copyOf(organizations))
                .forEach(o -> organizationNames.put(String.valueOf(o.get("id")), String.valueOf(o.get("name"))));
        Attendance attendance = Attendance.of(
                registrations,
                directory.names(people, Meetings.inviteeNames(meeting)),
                organizationNames,
                meeting.get("seatsPerOrganization") instanceof Number n ? n.intValue() : null);
        model.addAttribute("attendance", attendance);
        model.addAttribute("durationMinutes", durationMinutes(meeting));
        model.addAttribute("started", started(meeting));
        return "coordinated-meeting";
    }

    @PostMapping("/coordination/meetings/{id}/cancel")
    String cancel(
            @PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/cancel", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason))
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/coordination/meetings/" + id;
    }

    @PostMapping("/coordination/meetings/{id}/reschedule")
    String reschedule(@PathVariable String id, @ModelAttribute MeetingForm form, RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!form.unreadable().isEmpty()) {
            redirect.addFlashAttribute("formError", messages.getMessage("problem.validation", null, locale));
            return "redirect:/coordination/meetings/" + id;
        }
        try {
            Map<String, Object> moved = apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/reschedule", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("start", form.start(), "end", form.end(), "timeZone", form.timeZone()))
                    .retrieve()
                    .body(Apis.OBJECT);
            if (moved != null) {
                redirect.addFlashAttribute("conflicts", moved.get("conflicts"));
            }
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, locale));
        }
        return "redirect:/coordination/meetings/" + id;
    }

    /** The meeting took place: its minutes can be written. */
    @PostMapping("/coordination/meetings/{id}/held")
    String held(@PathVariable String id, RedirectAttributes redirect) {
        try {
            apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/held", id)
                    .retrieve()
                    .toBodilessEntity();
            return "redirect:/coordination/meetings/" + id + "/minutes";
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
            return "redirect:/coordination/meetings/" + id;
        }
    }

    private static long durationMinutes(Map<String, Object> meeting) {
        try {
            return Duration.between(
                            OffsetDateTime.parse(String.valueOf(meeting.get("start"))),
                            OffsetDateTime.parse(String.valueOf(meeting.get("end"))))
                    .toMinutes();
        } catch (RuntimeException unreadable) {
            return 60;
        }
    }

    private static boolean started(Map<String, Object> meeting) {
        try {
            return !OffsetDateTime.parse(String.valueOf(meeting.get("start")))
                    .toInstant()
                    .isAfter(Instant.now());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
