package org.concordia.console.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A meeting's registrations as its organizer reads them: each answer with the person's name and, while waitlisted,
 * their place (the waitlist follows the tickets, per occurrence of a series); and the delegations, the organizations
 * through which people were invited, with the seats each may fill and who fills them.
 */
record Attendance(List<Row> rows, List<Delegation> delegations) {

    /** @param occurrence the occurrence's number in a series, else null */
    record Row(
            String personId,
            String name,
            String status,
            @Nullable String organizationId,
            @Nullable String delegation,
            @Nullable Integer occurrence,
            @Nullable Integer waitlistPosition) {}

    /** @param seats the seats per organization, null when unlimited */
    record Delegation(
            String organizationId, String name, @Nullable Integer seats, List<String> seated, List<String> waiting) {

        public int taken() {
            return seated.size();
        }
    }

    static Attendance of(
            List<Map<String, Object>> registrations,
            Map<String, String> names,
            Map<String, String> organizationNames,
            @Nullable Integer seatsPerOrganization) {
        List<Map<String, Object>> byTicket = registrations.stream()
                .sorted(Comparator.comparingLong(r -> ((Number) r.getOrDefault("ticket", 0L)).longValue()))
                .toList();
        Map<Object, Integer> waiting = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> registration : byTicket) {
            String status = String.valueOf(registration.get("status"));
            Integer occurrence = registration.get("occurrence") instanceof Number n ? n.intValue() : null;
            Integer position = null;
            if ("waitlisted".equals(status)) {
                position = waiting.merge(Objects.requireNonNullElse(occurrence, -1), 1, Integer::sum);
            }
            String personId = String.valueOf(registration.get("personId"));
            String organizationId = registration.get("organizationId") instanceof String o ? o : null;
            rows.add(new Row(
                    personId,
                    names.getOrDefault(personId, personId),
                    status,
                    organizationId,
                    organizationId == null ? null : organizationNames.getOrDefault(organizationId, organizationId),
                    occurrence,
                    position));
        }
        return new Attendance(rows, delegations(rows, organizationNames, seatsPerOrganization));
    }

    private static List<Delegation> delegations(
            List<Row> rows, Map<String, String> organizationNames, @Nullable Integer seats) {
        Map<String, List<Row>> byOrganization = new LinkedHashMap<>();
        for (Row row : rows) {
            // a series' delegations are read at its first occurrence, as a single meeting's
            if (row.organizationId() != null && (row.occurrence() == null || row.occurrence() == 0)) {
                byOrganization
                        .computeIfAbsent(row.organizationId(), o -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Delegation> delegations = new ArrayList<>();
        byOrganization.forEach((organizationId, members) -> delegations.add(new Delegation(
                organizationId,
                organizationNames.getOrDefault(organizationId, organizationId),
                seats,
                members.stream()
                        .filter(r -> r.status().equals("confirmed"))
                        .map(Row::name)
                        .toList(),
                members.stream()
                        .filter(r -> r.status().equals("waitlisted"))
                        .map(Row::name)
                        .toList())));
        return delegations;
    }
}
