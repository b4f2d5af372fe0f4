package org.concordia.meeting.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies for scheduling, as a client writes them, with changes a test names. */
public final class Drafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Drafts() {}

    /** An online meeting on 2027-03-18 10:00–11:00 Europe/Sofia inviting one person. */
    public static Map<String, Object> online(String organizerId, String organizationId, String inviteeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Coordination call");
        body.put("description", "Plans for the spring");
        body.put("organizerId", organizerId);
        body.put("organizationId", organizationId);
        body.put("format", "online");
        body.put("onlineLink", "https://meet.jit.si/concordia-test");
        body.put("start", "2027-03-18T10:00:00+02:00");
        body.put("end", "2027-03-18T11:00:00+02:00");
        body.put("timeZone", "Europe/Sofia");
        body.put("registrationDeadline", "2027-03-17T18:00:00+02:00");
        body.put("agenda", List.of(Map.of("title", "Round of news", "minutes", 20, "presenter", "Georgi")));
        body.put("targets", List.of(person(inviteeId)));
        return body;
    }

    /** A draft checked for conflicts: the fields of a scheduling body that say who organizes, whom, and when. */
    public static Map<String, Object> conflictCheck(Map<String, Object> schedulingBody) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field :
                List.of("organizerId", "organizationId", "projectId", "start", "end", "timeZone", "rrule", "targets")) {
            if (schedulingBody.get(field) != null) {
                body.put(field, schedulingBody.get(field));
            }
        }
        return body;
    }

    public static Map<String, Object> person(String personId) {
        return Map.of("kind", "person", "personId", personId);
    }

    public static Map<String, Object> members(String organizationId, String... roles) {
        return Map.of("kind", "organization_members", "organizationId", organizationId, "roles", List.of(roles));
    }

    public static Map<String, Object> with(Map<String, Object> body, Object... namesAndValues) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                changed.remove((String) namesAndValues[i]);
            } else {
                changed.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return changed;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
