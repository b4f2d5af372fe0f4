package org.concordia.console.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.springframework.stereotype.Component;

/** Organizations and their members as organization-service shows them to a coordinator. */
@Component
public class Directory {

    private final Apis apis;

    Directory(Apis apis) {
        this.apis = apis;
    }

    /** Each organization by id, in the order given; one that cannot be read is named by its id. */
    public List<Map<String, Object>> organizations(List<String> ids) {
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (String id : ids) {
            try {
                Map<String, Object> organization = apis.organizations()
                        .get()
                        .uri("/api/v1/organizations/{id}", id)
                        .retrieve()
                        .body(Apis.OBJECT);
                organizations.add(organization == null ? Map.of("id", id, "name", id) : organization);
            } catch (ApiProblem unknown) {
                organizations.add(Map.of("id", id, "name", id));
            }
        }
        return organizations;
    }

    /** The current members of the organizations, each person once (first membership wins). */
    public List<Map<String, Object>> membersOf(List<String> organizationIds) {
        Map<Object, Map<String, Object>> people = new LinkedHashMap<>();
        for (String id : organizationIds) {
            for (Map<String, Object> member : members(id)) {
                people.putIfAbsent(member.get("personId"), member);
            }
        }
        return List.copyOf(people.values());
    }

    /** Each person's full name, by id, those already known given; one that cannot be read keeps their id. */
    public Map<String, String> names(java.util.Collection<String> personIds, Map<String, String> known) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String personId : personIds) {
            String name = known.get(personId);
            if (name == null) {
                try {
                    Map<String, Object> person = apis.organizations()
                            .get()
                            .uri("/api/v1/people/{id}", personId)
                            .retrieve()
                            .body(Apis.OBJECT);
                    name = person == null ? personId : String.valueOf(person.get("fullName"));
                } catch (ApiProblem unknown) {
                    name = personId;
                }
            }
            names.put(personId, name);
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> members(String organizationId) {
        Map<String, Object> page = apis.organizations()
                .get()
                .uri("/api/v1/organizations/{id}/members?size=100", organizationId)
                .retrieve()
                .body(Apis.OBJECT);
        return page == null ? List.of() : (List<Map<String, Object>>) page.getOrDefault("content", List.of());
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> chapters(String organizationId) {
        Map<String, Object> page = apis.organizations()
                .get()
                .uri("/api/v1/organizations/{id}/chapters?size=100", organizationId)
                .retrieve()
                .body(Apis.OBJECT);
        return page == null ? List.of() : (List<Map<String, Object>>) page.getOrDefault("content", List.of());
    }
}
