package org.concordia.console.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.signin.SignedIn;
import org.concordia.console.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's notification preferences (which categories reach them on which channel, the digest, quiet hours) and
 * their calendar subscription link.
 */
@Controller
class PreferencesController {

    static final List<String> CATEGORIES = List.of("organizations", "projects", "meetings", "announcements");
    static final List<String> CHANNELS = List.of("in_app", "email");

    private static final Map<String, String> FIELDS = Map.of(
            "quietHours.from", "quietFrom",
            "quietHours.until", "quietUntil",
            "quietHours", "quietFrom");

    private final Apis apis;
    private final FormErrors errors;

    PreferencesController(Apis apis, FormErrors errors) {
        this.apis = apis;
        this.errors = errors;
    }

    @GetMapping("/preferences")
    String preferences(Model model) {
        SignedIn me = SignedIn.required();
        Map<String, Object> current = apis.notifications()
                .get()
                .uri("/api/v1/people/{person}/preferences", me.personId())
                .retrieve()
                .body(Apis.OBJECT);
        model.addAttribute("prefs", current == null ? Map.of() : current);
        return page(model);
    }

    @PostMapping("/preferences")
    String save(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        Map<String, Object> body = request(form);
        try {
            apis.notifications()
                    .put()
                    .uri("/api/v1/people/{person}/preferences", me.personId())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/preferences";
        } catch (ApiProblem problem) {
            errors.show(model, problem, FIELDS);
            // the form again as the person filled it
            Map<String, Object> typed = new LinkedHashMap<>(body);
            typed.put(
                    "quietHours",
                    Map.of("from", text(form.getFirst("quietFrom")), "until", text(form.getFirst("quietUntil"))));
            typed.put("digestHour", text(form.getFirst("digestHour")));
            model.addAttribute("prefs", typed);
            return page(model);
        }
    }

    /** A new calendar feed address; the previous one stops working. */
    @PostMapping("/preferences/calendar")
    String renewCalendar(RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        try {
            Map<String, Object> feed = apis.meetings()
                    .post()
                    .uri("/api/v1/people/{person}/calendar-token", me.personId())
                    .retrieve()
                    .body(Apis.OBJECT);
            redirect.addFlashAttribute("calendarUrl", feed == null ? null : feed.get("url"));
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/preferences";
    }

    private static String page(Model model) {
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("channels", CHANNELS);
        return "preferences";
    }

    private static Map<String, Object> request(MultiValueMap<String, String> form) {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            for (String channel : CHANNELS) {
                switches.put(channel, form.containsKey(category + "." + channel));
            }
            channels.put(category, switches);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channels", channels);
        body.put("digest", text(form.getFirst("digest")));
        body.put("digestHour", number(form.getFirst("digestHour")));
        body.put("digestDay", text(form.getFirst("digestDay")));
        String from = text(form.getFirst("quietFrom"));
        String until = text(form.getFirst("quietUntil"));
        if (!from.isBlank() || !until.isBlank()) {
            body.put("quietHours", Map.of("from", from, "until", until));
        }
        return body;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** A number as typed; what is not one is sent as given, for the service to name the field. */
    private static Object number(@Nullable String value) {
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException notANumber) {
            return text(value);
        }
    }
}
