package org.concordia.console.meeting;

import java.util.List;
import java.util.Map;
import org.concordia.console.api.Apis;
import org.jspecify.annotations.Nullable;

/** Reading event-service's meeting views. */
final class Meetings {

    private Meetings() {}

    static Map<String, Object> get(Apis apis, String id) {
        Map<String, Object> meeting = apis.meetings()
                .get()
                .uri("/api/v1/meetings/{id}", id)
                .retrieve()
                .body(Apis.OBJECT);
        return meeting == null ? Map.of() : meeting;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> content(@Nullable Map<String, Object> page) {
        return page == null ? List.of() : (List<Map<String, Object>>) page.getOrDefault("content", List.of());
    }

    /** The individually invited people's names by id, as the meeting lists them. */
    static Map<String, String> inviteeNames(Map<String, Object> meeting) {
        Map<String, String> names = new java.util.HashMap<>();
        if (meeting.get("invitees") instanceof List<?> invitees) {
            for (Object invitee : invitees) {
                if (invitee instanceof Map<?, ?> i && i.get("personId") instanceof String id) {
                    names.put(id, String.valueOf(i.get("fullName")));
                }
            }
        }
        return names;
    }

    static boolean invites(Map<String, Object> meeting, String personId) {
        return meeting.get("invitees") instanceof List<?> invitees
                && invitees.stream()
                        .anyMatch(invitee -> invitee instanceof Map<?, ?> i && personId.equals(i.get("personId")));
    }
}
