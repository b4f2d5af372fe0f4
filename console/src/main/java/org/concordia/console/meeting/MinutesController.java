package org.concordia.console.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.organization.Directory;
import org.concordia.console.web.FormErrors;
import org.jspecify.annotations.Nullable;
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
 * The organizer writes and publishes the minutes of a meeting that took place (or of a past occurrence of a series):
 * a summary, decisions, action items with an owner and a due date; then reads them and closes items as they are done.
 */
@Controller
class MinutesController {

    private final Apis apis;
    private final Directory directory;
    private final FormErrors errors;
    private final MessageSource messages;

    MinutesController(Apis apis, Directory directory, FormErrors errors, MessageSource messages) {
        this.apis = apis;
        this.directory = directory;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/coordination/meetings/{id}/minutes")
    String minutes(@PathVariable String id, @RequestParam(required = false) @Nullable String occurrence, Model model) {
        Map<String, Object> meeting = Meetings.get(apis, id);
        List<String> open = occurrencesWithoutMinutes(meeting);
        String chosen = occurrence != null ? occurrence : open.isEmpty() ? null : open.get(0);
        return page(meeting, MinutesForm.blank(meeting.get("rrule") == null ? null : chosen), model);
    }

    @PostMapping("/coordination/meetings/{id}/minutes")
    String publish(
            @PathVariable String id, @ModelAttribute MinutesForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> meeting = Meetings.get(apis, id);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            unreadable.forEach((field, key) -> fieldErrors.put(field, messages.getMessage(key, null, locale)));
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("formError", messages.getMessage("problem.validation", null, locale));
            return page(meeting, form, model);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> request = form.request(owners(meeting), fields);
        fields.put("occurrence", "occurrence");
        try {
            apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/minutes", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("published", true);
            return "redirect:/coordination/meetings/" + id + "/minutes";
        } catch (ApiProblem problem) {
            errors.show(model, problem, fields);
            return page(meeting, form, model);
        }
    }

    /** The form again, as typed, with more blank rows for action items. */
    @PostMapping("/coordination/meetings/{id}/minutes/rows")
    String moreRows(@PathVariable String id, @ModelAttribute MinutesForm form, Model model) {
        return page(Meetings.get(apis, id), form, model);
    }

    @PostMapping("/coordination/meetings/{id}/action-items/{item}/close")
    String close(@PathVariable String id, @PathVariable String item, RedirectAttributes redirect) {
        try {
            apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/action-items/{item}/close", id, item)
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/coordination/meetings/" + id + "/minutes";
    }

    private String page(Map<String, Object> meeting, MinutesForm form, Model model) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", form);
        model.addAttribute("owners", owners(meeting));
        model.addAttribute("open", occurrencesWithoutMinutes(meeting));
        model.addAttribute("writable", writable(meeting));
        return "minutes";
    }

    /** Who may own an action item: the people invited by name, then the organizing organization's members. */
    private Map<String, String> owners(Map<String, Object> meeting) {
        Map<String, String> owners = new LinkedHashMap<>(Meetings.inviteeNames(meeting));
        for (Map<String, Object> member : directory.members(String.valueOf(meeting.get("organizationId")))) {
            owners.putIfAbsent(String.valueOf(member.get("personId")), String.valueOf(member.get("personName")));
        }
        return owners;
    }

    /** Minutes can be written for a held meeting without them, or for a series' past occurrences without them. */
    private static boolean writable(Map<String, Object> meeting) {
        if (meeting.get("rrule") != null) {
            return !occurrencesWithoutMinutes(meeting).isEmpty();
        }
        return "held".equals(meeting.get("status")) && minutes(meeting).isEmpty();
    }

    /** A series' occurrences that took place, are not cancelled and have no minutes yet (recurrence ids). */
    private static List<String> occurrencesWithoutMinutes(Map<String, Object> meeting) {
        List<String> open = new ArrayList<>();
        if (!(meeting.get("occurrences") instanceof List<?> occurrences)) {
            return open;
        }
        List<Instant> written = minutes(meeting).stream()
                .map(m -> OffsetDateTime.parse(String.valueOf(m.get("occurrence")))
                        .toInstant())
                .toList();
        for (Object o : occurrences) {
            if (o instanceof Map<?, ?> occurrence && !Boolean.TRUE.equals(occurrence.get("cancelled"))) {
                OffsetDateTime start = OffsetDateTime.parse(String.valueOf(occurrence.get("start")));
                OffsetDateTime recurrenceId = OffsetDateTime.parse(String.valueOf(occurrence.get("recurrenceId")));
                if (!start.toInstant().isAfter(Instant.now()) && !written.contains(recurrenceId.toInstant())) {
                    open.add(String.valueOf(occurrence.get("recurrenceId")));
                }
            }
        }
        return open;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> minutes(Map<String, Object> meeting) {
        return meeting.get("minutes") instanceof List<?> minutes ? (List<Map<String, Object>>) minutes : List.of();
    }
}
