package org.concordia.console.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.console.api.Apis;
import org.concordia.console.signin.SignedIn;
import org.concordia.console.web.Countries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The projects of a coordinator's organizations (led, or invited to as a partner): each with its partners grouped by
 * country and its milestone timeline, days shown in the person's language, past and next as of today in their zone.
 */
@Controller
class ProjectsController {

    private final Apis apis;
    private final Countries countries;

    ProjectsController(Apis apis, Countries countries) {
        this.apis = apis;
        this.countries = countries;
    }

    @GetMapping("/coordination/projects")
    String projects(Model model) {
        Map<Object, Map<String, Object>> projects = new LinkedHashMap<>();
        for (String organizationId : SignedIn.required().coordinatedOrganizations()) {
            Map<String, Object> page = apis.projects()
                    .get()
                    .uri("/api/v1/organizations/{id}/projects?size=100", organizationId)
                    .retrieve()
                    .body(Apis.OBJECT);
            for (Map<String, Object> project : content(page)) {
                Map<String, Object> row = new LinkedHashMap<>(project);
                row.put(
                        "countryNames",
                        project.get("countries") instanceof List<?> codes
                                ? String.join(
                                        ", ",
                                        codes.stream()
                                                .map(code -> countries.name(String.valueOf(code)))
                                                .toList())
                                : "");
                projects.putIfAbsent(project.get("id"), row);
            }
        }
        model.addAttribute("projects", List.copyOf(projects.values()));
        return "projects";
    }

    @GetMapping("/coordination/projects/{id}")
    String project(@PathVariable String id, Model model) {
        Map<String, Object> project = apis.projects()
                .get()
                .uri("/api/v1/projects/{id}", id)
                .retrieve()
                .body(Apis.OBJECT);
        if (project == null) {
            project = Map.of();
        }
        model.addAttribute("project", project);
        model.addAttribute("byCountry", byCountry(project));
        model.addAttribute("timeline", timeline(project));
        model.addAttribute("today", LocalDate.now(SignedIn.required().zone()));
        return "project";
    }

    /** The lead and every partner, grouped by country; the countries in the page's language, alphabetically. */
    @SuppressWarnings("unchecked")
    private List<CountryGroup> byCountry(Map<String, Object> project) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        if (project.get("lead") instanceof Map<?, ?> lead) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) lead);
            row.put("role", "lead");
            row.put("status", "lead");
            row.put("answeredAt", null);
            groups.computeIfAbsent(String.valueOf(row.get("country")), c -> new ArrayList<>())
                    .add(row);
        }
        if (project.get("partners") instanceof List<?> partners) {
            for (Object partner : partners) {
                Map<String, Object> row = (Map<String, Object>) partner;
                groups.computeIfAbsent(String.valueOf(row.get("country")), c -> new ArrayList<>())
                        .add(row);
            }
        }
        return groups.entrySet().stream()
                .map(group -> new CountryGroup(group.getKey(), countries.name(group.getKey()), group.getValue()))
                .sorted(Comparator.comparing(CountryGroup::name))
                .toList();
    }

    /** The milestones in date order, the first still planned from today on marked as the next one. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(Map<String, Object> project) {
        LocalDate today = LocalDate.now(SignedIn.required().zone());
        List<Map<String, Object>> timeline = new ArrayList<>();
        boolean nextFound = false;
        if (project.get("milestones") instanceof List<?> milestones) {
            for (Object milestone : milestones) {
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) milestone);
                Object reached = row.get("completedOn");
                LocalDate day = LocalDate.parse(String.valueOf(reached != null ? reached : row.get("dueDate")));
                boolean next = !nextFound && "planned".equals(row.get("status")) && !day.isBefore(today);
                nextFound |= next;
                row.put("day", day);
                row.put(
                        "host",
                        row.get("hostCountry") instanceof String country
                                ? countries.name(country)
                                        + (row.get("hostCity") instanceof String city ? ", " + city : "")
                                : null);
                row.put("past", day.isBefore(today));
                row.put("next", next);
                timeline.add(row);
            }
        }
        return timeline;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> content(Map<String, Object> page) {
        return page == null ? List.of() : (List<Map<String, Object>>) page.getOrDefault("content", List.of());
    }

    /** @param code ISO 3166-1 alpha-2; {@code name} in the page's language */
    record CountryGroup(String code, String name, List<Map<String, Object>> organizations) {}
}
