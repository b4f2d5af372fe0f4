package org.concordia.console.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.signin.SignedIn;
import org.concordia.console.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The meetings the signed-in person is invited to, and their answer to each. */
@Controller
class MyMeetingsController {

    private static final Set<String> ANSWERS = Set.of("accepted", "declined", "tentative");

    private final Apis apis;
    private final FormErrors errors;

    MyMeetingsController(Apis apis, FormErrors errors) {
        this.apis = apis;
        this.errors = errors;
    }

    @GetMapping("/meetings")
    String meetings(Model model) {
        SignedIn me = SignedIn.required();
        Map<String, Object> page = apis.meetings()
                .get()
                .uri("/api/v1/meetings?from={from}&size=100", Instant.now().minus(Duration.ofDays(1)))
                .retrieve()
                .body(Apis.OBJECT);
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> meeting : Meetings.content(page)) {
            if (Meetings.invites(meeting, me.personId())) {
                Map<String, Object> row = new LinkedHashMap<>(meeting);
                row.put("registration", registration(String.valueOf(meeting.get("id")), me.personId()));
                mine.add(row);
            }
        }
        model.addAttribute("meetings", mine);
        return "meetings";
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model) {
        SignedIn me = SignedIn.required();
        model.addAttribute("meeting", Meetings.get(apis, id));
        model.addAttribute("registration", registration(id, me.personId()));
        model.addAttribute(
                "view",
                apis.meetings()
                        .get()
                        .uri("/api/v1/meetings/{id}/local-times", id)
                        .retrieve()
                        .body(Apis.OBJECT));
        return "meeting";
    }

    /** Accept, decline or tentative, as the signed-in person. */
    @PostMapping("/meetings/{id}/answer")
    String answer(
            @PathVariable String id,
            @RequestParam String answer,
            @RequestParam(defaultValue = "/meetings") String back,
            RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        if (!ANSWERS.contains(answer)) {
            redirect.addFlashAttribute("formError", "answer");
            return "redirect:/meetings";
        }
        try {
            Map<String, Object> registration = apis.meetings()
                    .post()
                    .uri("/api/v1/meetings/{id}/registrations", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("personId", me.personId(), "answer", answer))
                    .retrieve()
                    .body(Apis.OBJECT);
            redirect.addFlashAttribute("answered", id);
            redirect.addFlashAttribute("answeredRegistration", registration);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("answered", id);
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:" + (back.startsWith("/meetings") ? back : "/meetings");
    }

    /** The meeting as an iCalendar file, for any calendar application. */
    @GetMapping("/meetings/{id}/calendar")
    ResponseEntity<String> calendar(@PathVariable String id) {
        String ics = apis.meetings()
                .get()
                .uri("/api/v1/meetings/{id}.ics", id)
                .retrieve()
                .body(String.class);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".ics\"")
                .body(ics == null ? "" : ics);
    }

    private @Nullable Map<String, Object> registration(String meetingId, String personId) {
        try {
            return apis.meetings()
                    .get()
                    .uri("/api/v1/meetings/{id}/registrations/{person}", meetingId, personId)
                    .retrieve()
                    .body(Apis.OBJECT);
        } catch (ApiProblem notAnswered) {
            if (notAnswered.status() == 404) {
                return null;
            }
            throw notAnswered;
        }
    }
}
