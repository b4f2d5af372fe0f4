package org.concordia.console.announcement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator's announcements: written with a tab per language, the reach per language and country shown before
 * sending, sent now or at a time in their zone, edited or cancelled until it goes out, corrected afterwards, and its
 * report. A refused request comes back with each message beside its field and the form as typed.
 */
@Controller
class AnnouncementsController {

    private final Apis apis;
    private final Directory directory;
    private final FormErrors errors;
    private final MessageSource messages;

    AnnouncementsController(Apis apis, Directory directory, FormErrors errors, MessageSource messages) {
        this.apis = apis;
        this.directory = directory;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/coordination/announcements")
    String list(Model model) {
        SignedIn me = SignedIn.required();
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (Map<String, Object> organization : directory.organizations(me.coordinatedOrganizations())) {
            Map<String, Object> row = new LinkedHashMap<>(organization);
            row.put(
                    "announcements",
                    content(apis.notifications()
                            .get()
                            .uri("/api/v1/organizations/{id}/announcements?size=50", organization.get("id"))
                            .retrieve()
                            .body(Apis.OBJECT)));
            organizations.add(row);
        }
        model.addAttribute("organizations", organizations);
        return "announcements";
    }

    @GetMapping("/coordination/announcements/new")
    String blank(Model model) {
        SignedIn me = SignedIn.required();
        return form(
                AnnouncementForm.startingWith(me.coordinatedOrganizations().get(0), me.zone()), Map.of(), model, null);
    }

    /** How many people the audience reaches, per language and country (htmx fragment). */
    @PostMapping("/coordination/announcements/reach")
    String reach(@ModelAttribute AnnouncementForm form, Model model) {
        model.addAttribute("reach", quietReachOf(form));
        return "announcement-form :: reach";
    }

    @PostMapping("/coordination/announcements")
    String write(@ModelAttribute AnnouncementForm form, Model model, RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            return form(form, unreadable, model, null);
        }
        try {
            Map<String, Object> written = apis.notifications()
                    .post()
                    .uri("/api/v1/organizations/{id}/announcements", form.organizationId())
                    .header("Idempotency-Key", form.key())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(form.request(me.zone()))
                    .retrieve()
                    .body(Apis.OBJECT);
            if (written == null) {
                throw new ApiProblem(502, "status-502", "No answer", null, Map.of());
            }
            redirect.addFlashAttribute("done", form.later() ? "announcement.scheduled" : "announcement.sent");
            return "redirect:/coordination/announcements/" + written.get("id");
        } catch (ApiProblem problem) {
            errors.show(model, problem, form.fieldNames());
            return form(form, Map.of(), model, null);
        }
    }

    @GetMapping("/coordination/announcements/{id}")
    String announcement(@PathVariable String id, Model model) {
        Map<String, Object> announcement = get(id);
        return page(announcement, AnnouncementForm.of(announcement), model);
    }

    @PostMapping("/coordination/announcements/{id}")
    String edit(
            @PathVariable String id, @ModelAttribute AnnouncementForm form, Model model, RedirectAttributes redirect) {
        SignedIn me = SignedIn.required();
        Map<String, Object> announcement = get(id);
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            unreadable(unreadable, model);
            return page(announcement, form, model);
        }
        try {
            apis.notifications()
                    .put()
                    .uri("/api/v1/announcements/{id}", id)
                    .header("If-Match", "\"" + announcement.get("version") + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(form.request(me.zone()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("done", "announcement.edited");
            return "redirect:/coordination/announcements/" + id;
        } catch (ApiProblem problem) {
            errors.show(model, problem, form.fieldNames());
            return page(announcement, form, model);
        }
    }

    @PostMapping("/coordination/announcements/{id}/cancel")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        try {
            apis.notifications()
                    .post()
                    .uri("/api/v1/announcements/{id}/cancel", id)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("done", "announcement.cancelled");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/coordination/announcements/" + id;
    }

    @PostMapping("/coordination/announcements/{id}/correction")
    String correct(
            @PathVariable String id, @ModelAttribute AnnouncementForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> announcement = get(id);
        try {
            apis.notifications()
                    .post()
                    .uri("/api/v1/announcements/{id}/corrections", id)
                    .header("If-Match", "\"" + announcement.get("version") + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(form.correction())
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("done", "announcement.corrected");
            return "redirect:/coordination/announcements/" + id;
        } catch (ApiProblem problem) {
            Map<String, String> names = new LinkedHashMap<>(form.fieldNames());
            names.put("changeNote", "changeNote");
            errors.show(model, problem, names);
            return page(announcement, form, model);
        }
    }

    private Map<String, Object> get(String id) {
        Map<String, Object> announcement = apis.notifications()
                .get()
                .uri("/api/v1/announcements/{id}", id)
                .retrieve()
                .body(Apis.OBJECT);
        if (announcement == null) {
            throw new ApiProblem(404, "not-found", "Not found", null, Map.of());
        }
        return announcement;
    }

    /** An announcement: scheduled, with its reach and the form to edit it; sent, with its report and corrections. */
    private String page(Map<String, Object> announcement, AnnouncementForm form, Model model) {
        String id = String.valueOf(announcement.get("id"));
        model.addAttribute("announcement", announcement);
        if ("sent".equals(announcement.get("status"))) {
            model.addAttribute(
                    "report",
                    apis.notifications()
                            .get()
                            .uri("/api/v1/announcements/{id}/report", id)
                            .retrieve()
                            .body(Apis.OBJECT));
        } else if ("scheduled".equals(announcement.get("status"))) {
            model.addAttribute(
                    "reach",
                    apis.notifications()
                            .get()
                            .uri("/api/v1/announcements/{id}/preview", id)
                            .retrieve()
                            .body(Apis.OBJECT));
        }
        fill(form, model);
        return "announcement";
    }

    private String form(
            AnnouncementForm form, Map<String, String> unreadable, Model model, @Nullable Map<String, Object> reach) {
        unreadable(unreadable, model);
        fill(form, model);
        model.addAttribute("reach", reach != null ? reach : quietReachOf(form));
        return "announcement-form";
    }

    private void unreadable(Map<String, String> unreadable, Model model) {
        if (unreadable.isEmpty()) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        unreadable.forEach((field, key) -> fieldErrors.put(field, messages.getMessage(key, null, locale)));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", messages.getMessage("problem.validation", null, locale));
    }

    private void fill(AnnouncementForm form, Model model) {
        SignedIn me = SignedIn.required();
        model.addAttribute("form", form);
        model.addAttribute("organizations", directory.organizations(me.coordinatedOrganizations()));
        model.addAttribute("meetings", meetings(form.organizationId()));
        model.addAttribute("tabLanguages", AnnouncementForm.LANGUAGES);
        model.addAttribute("kinds", AnnouncementForm.KINDS);
        model.addAttribute("roleNames", AnnouncementForm.ROLES);
    }

    private List<Map<String, Object>> meetings(@Nullable String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            return List.of();
        }
        try {
            return content(apis.meetings()
                    .get()
                    .uri("/api/v1/meetings?organizationId={id}&size=50", organizationId)
                    .retrieve()
                    .body(Apis.OBJECT));
        } catch (ApiProblem | org.springframework.web.client.RestClientException unavailable) {
            // the meetings are one target among others; the form works without them
            return List.of();
        }
    }

    private @Nullable Map<String, Object> reachOf(AnnouncementForm form) {
        if (form.targets().isEmpty() || form.organizationId() == null) {
            return null;
        }
        return apis.notifications()
                .post()
                .uri("/api/v1/organizations/{id}/announcements/preview", form.organizationId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(form.previewRequest())
                .retrieve()
                .body(Apis.OBJECT);
    }

    /** The reach shown with the form; a help only, so a refusal leaves it out. */
    private @Nullable Map<String, Object> quietReachOf(AnnouncementForm form) {
        try {
            return reachOf(form);
        } catch (ApiProblem refused) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> content(@Nullable Map<String, Object> page) {
        return page == null ? List.of() : (List<Map<String, Object>>) page.getOrDefault("content", List.of());
    }
}
