package org.concordia.console.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A meeting being scheduled, exactly as the person typed it: kept whole between submissions, so that nothing is
 * lost when a service refuses it. Times are local to {@code timeZone}.
 */
public record MeetingForm(
        @Nullable String title,
        @Nullable String description,
        @Nullable String organizationId,
        @Nullable String format,
        @Nullable String onlineLink,
        @Nullable String date,
        @Nullable String time,
        @Nullable String durationMinutes,
        @Nullable String timeZone,
        @Nullable String capacity,
        @Nullable String seatsPerOrganization,
        @Nullable List<String> invitees,
        @Nullable List<String> organizations,
        @Nullable String repeat,
        @Nullable String occurrences) {

    /** How a series may repeat: event-service takes weekly and monthly rules. */
    static final List<String> REPEATS = List.of("once", "weekly", "monthly");

    static MeetingForm startingWith(String organizationId, ZoneId zone) {
        return new MeetingForm(
                "",
                "",
                organizationId,
                "online",
                "",
                LocalDate.now(zone).plusDays(1).toString(),
                "10:00",
                "60",
                zone.getId(),
                "",
                "",
                List.of(),
                List.of(),
                "once",
                "4");
    }

    MeetingForm at(LocalDateTime start) {
        return new MeetingForm(
                title,
                description,
                organizationId,
                format,
                onlineLink,
                start.toLocalDate().toString(),
                start.toLocalTime().toString(),
                durationMinutes,
                timeZone,
                capacity,
                seatsPerOrganization,
                invitees,
                organizations,
                repeat,
                occurrences);
    }

    public List<String> inviteeIds() {
        return invitees == null ? List.of() : invitees;
    }

    /** The organizations whose members are invited as delegations. */
    public List<String> organizationIds() {
        return organizations == null ? List.of() : organizations;
    }

    public boolean series() {
        return "weekly".equals(repeat) || "monthly".equals(repeat);
    }

    /** Whether anyone is invited, by name or through an organization. */
    boolean invitesAnyone() {
        return !inviteeIds().isEmpty() || !organizationIds().isEmpty();
    }

    /** The form's fields that cannot even be read, each with the message key to show beside it. */
    Map<String, String> unreadable() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (zone() == null) {
            problems.put("timeZone", "form.zone");
        }
        if (parse(() -> LocalDate.parse(text(date))) == null) {
            problems.put("date", "form.date");
        }
        if (parse(() -> LocalTime.parse(text(time))) == null) {
            problems.put("time", "form.time");
        }
        Integer minutes = parse(() -> Integer.parseInt(text(durationMinutes).strip()));
        if (minutes == null || minutes < 15 || minutes > 720) {
            problems.put("durationMinutes", "form.duration");
        }
        if (!text(capacity).isBlank()
                && parse(() -> Integer.parseInt(text(capacity).strip())) == null) {
            problems.put("capacity", "form.number");
        }
        if (!text(seatsPerOrganization).isBlank()
                && parse(() -> Integer.parseInt(text(seatsPerOrganization).strip())) == null) {
            problems.put("seatsPerOrganization", "form.number");
        }
        if (series()) {
            Integer count = parse(() -> Integer.parseInt(text(occurrences).strip()));
            if (count == null || count < 2 || count > 52) {
                problems.put("occurrences", "form.occurrences");
            }
        }
        return problems;
    }

    @Nullable
    OffsetDateTime start() {
        ZoneId zone = zone();
        LocalDate day = parse(() -> LocalDate.parse(text(date)));
        LocalTime at = parse(() -> LocalTime.parse(text(time)));
        return zone == null || day == null || at == null
                ? null
                : LocalDateTime.of(day, at).atZone(zone).toOffsetDateTime();
    }

    @Nullable
    OffsetDateTime end() {
        OffsetDateTime start = start();
        Integer minutes = parse(() -> Integer.parseInt(text(durationMinutes).strip()));
        return start == null || minutes == null ? null : start.plus(Duration.ofMinutes(minutes));
    }

    @Nullable
    ZoneId zone() {
        return parse(() -> ZoneId.of(text(timeZone).strip()));
    }

    List<Map<String, Object>> targets() {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (String personId : inviteeIds()) {
            targets.add(Map.of("kind", "person", "personId", personId));
        }
        for (String organizationId : organizationIds()) {
            targets.add(Map.of("kind", "organization_members", "organizationId", organizationId));
        }
        return targets;
    }

    /** The series' RFC 5545 rule, e.g. {@code FREQ=WEEKLY;COUNT=6}; none for a single meeting. */
    @Nullable
    String rrule() {
        return series()
                ? "FREQ=" + text(repeat).toUpperCase(java.util.Locale.ROOT) + ";COUNT="
                        + text(occurrences).strip()
                : null;
    }

    /** The body of event-service's schedule request. */
    Map<String, Object> scheduleRequest(String organizerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", text(title).strip());
        if (!text(description).isBlank()) {
            body.put("description", text(description).strip());
        }
        body.put("organizerId", organizerId);
        body.put("organizationId", text(organizationId));
        body.put("format", text(format));
        if (!text(onlineLink).isBlank()) {
            body.put("onlineLink", text(onlineLink).strip());
        }
        body.put("start", start());
        body.put("end", end());
        body.put("timeZone", text(timeZone).strip());
        if (!text(capacity).isBlank()) {
            body.put("capacity", Integer.parseInt(text(capacity).strip()));
        }
        if (!text(seatsPerOrganization).isBlank()) {
            body.put(
                    "seatsPerOrganization",
                    Integer.parseInt(text(seatsPerOrganization).strip()));
        }
        String rule = rrule();
        if (rule != null) {
            body.put("rrule", rule);
        }
        body.put("targets", targets());
        return body;
    }

    /** The draft as event-service checks it for conflicts: who organizes, whom it invites, and when. */
    Map<String, Object> conflictsRequest(String organizerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizerId", organizerId);
        body.put("organizationId", text(organizationId));
        body.put("start", start());
        body.put("end", end());
        body.put("timeZone", text(timeZone).strip());
        String rule = rrule();
        if (rule != null) {
            body.put("rrule", rule);
        }
        body.put("targets", targets());
        return body;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static <T> @Nullable T parse(java.util.function.Supplier<T> parsing) {
        try {
            return parsing.get();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
