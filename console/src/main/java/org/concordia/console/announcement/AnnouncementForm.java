package org.concordia.console.announcement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An announcement being written, exactly as the person typed it, kept whole between submissions: a subject and a
 * Markdown body per language tab, the audience, and when it goes out (now, or a day and time in a zone).
 *
 * @param audience the organization's target kinds chosen: {@code organization_members}, {@code organization_network},
 *     {@code organization_partners}
 * @param meetingId a meeting of the organization whose participants are told too, when chosen
 * @param when {@code now} or {@code later}
 * @param requestKey the {@code Idempotency-Key} of this form's writing: a second click writes nothing twice
 */
public record AnnouncementForm(
        @Nullable String organizationId,
        @Nullable String subjectBg,
        @Nullable String bodyBg,
        @Nullable String subjectPl,
        @Nullable String bodyPl,
        @Nullable String subjectEn,
        @Nullable String bodyEn,
        @Nullable List<String> audience,
        @Nullable List<String> roles,
        @Nullable String meetingId,
        @Nullable String when,
        @Nullable String date,
        @Nullable String time,
        @Nullable String timeZone,
        @Nullable String changeNote,
        @Nullable String requestKey) {

    /** The language tabs, in the order they are shown. */
    public static final List<String> LANGUAGES = List.of("bg", "pl", "en");

    public static final List<String> KINDS =
            List.of("organization_members", "organization_network", "organization_partners");

    public static final List<String> ROLES = List.of("coordinator", "representative", "member", "partner_contact");

    static AnnouncementForm startingWith(String organizationId, ZoneId zone) {
        return new AnnouncementForm(
                organizationId,
                "",
                "",
                "",
                "",
                "",
                "",
                List.of("organization_members"),
                List.of(),
                "",
                "now",
                LocalDate.now(zone).plusDays(1).toString(),
                "09:00",
                zone.getId(),
                "",
                UUID.randomUUID().toString());
    }

    /** The form filled from an announcement as the API shows it, to edit or correct it. */
    @SuppressWarnings("unchecked")
    static AnnouncementForm of(Map<String, Object> announcement) {
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (Object t : (List<Object>) announcement.getOrDefault("texts", List.of())) {
            Map<String, Object> text = (Map<String, Object>) t;
            texts.put(
                    String.valueOf(text.get("language")),
                    new String[] {String.valueOf(text.get("subject")), String.valueOf(text.get("body"))});
        }
        List<String> audience = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        String meeting = "";
        for (Object t : (List<Object>) announcement.getOrDefault("targets", List.of())) {
            Map<String, Object> target = (Map<String, Object>) t;
            String kind = String.valueOf(target.get("kind"));
            if (KINDS.contains(kind)) {
                audience.add(kind);
                for (Object role : (List<Object>) target.getOrDefault("roles", List.of())) {
                    if (!roles.contains(String.valueOf(role))) {
                        roles.add(String.valueOf(role));
                    }
                }
            } else if ("meeting_participants".equals(kind)) {
                meeting = String.valueOf(target.get("meetingId"));
            }
        }
        OffsetDateTime sendAt = OffsetDateTime.parse(String.valueOf(announcement.get("sendAt")));
        return new AnnouncementForm(
                String.valueOf(announcement.get("organizationId")),
                texts.getOrDefault("bg", new String[] {"", ""})[0],
                texts.getOrDefault("bg", new String[] {"", ""})[1],
                texts.getOrDefault("pl", new String[] {"", ""})[0],
                texts.getOrDefault("pl", new String[] {"", ""})[1],
                texts.getOrDefault("en", new String[] {"", ""})[0],
                texts.getOrDefault("en", new String[] {"", ""})[1],
                audience,
                roles,
                meeting,
                "later",
                sendAt.toLocalDate().toString(),
                sendAt.toLocalTime().toString(),
                String.valueOf(announcement.get("timeZone")),
                "",
                UUID.randomUUID().toString());
    }

    public @Nullable String subject(String language) {
        return switch (language) {
            case "bg" -> subjectBg;
            case "pl" -> subjectPl;
            default -> subjectEn;
        };
    }

    public @Nullable String body(String language) {
        return switch (language) {
            case "bg" -> bodyBg;
            case "pl" -> bodyPl;
            default -> bodyEn;
        };
    }

    public boolean chose(String kind) {
        return audience != null && audience.contains(kind);
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }

    public boolean later() {
        return "later".equals(when);
    }

    /** The languages written, in tab order: a tab with a subject or a body is written. */
    List<String> written() {
        return LANGUAGES.stream()
                .filter(l -> !text(subject(l)).isBlank() || !text(body(l)).isBlank())
                .toList();
    }

    List<Map<String, Object>> texts() {
        List<Map<String, Object>> texts = new ArrayList<>();
        for (String language : written()) {
            texts.add(Map.of("language", language, "subject", text(subject(language)), "body", text(body(language))));
        }
        return texts;
    }

    List<Map<String, Object>> targets() {
        List<Map<String, Object>> targets = new ArrayList<>();
        List<String> chosenRoles = roles == null ? List.of() : roles;
        for (String kind : KINDS) {
            if (chose(kind)) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("kind", kind);
                target.put("organizationId", text(organizationId));
                target.put("roles", chosenRoles);
                targets.add(target);
            }
        }
        if (!text(meetingId).isBlank()) {
            targets.add(Map.of("kind", "meeting_participants", "meetingId", text(meetingId)));
        }
        return targets;
    }

    /** The API's fields → this form's: {@code texts[1].subject} is the subject on the second written tab. */
    Map<String, String> fieldNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> written = written();
        for (int i = 0; i < written.size(); i++) {
            String suffix = Character.toUpperCase(written.get(i).charAt(0))
                    + written.get(i).substring(1);
            names.put("texts[" + i + "].subject", "subject" + suffix);
            names.put("texts[" + i + "].body", "body" + suffix);
            names.put("texts[" + i + "]", "body" + suffix);
        }
        names.put("texts", "texts");
        names.put("targets", "audience");
        names.put("sendAt", "date");
        names.put("timeZone", "timeZone");
        return names;
    }

    /** The form's fields that cannot even be read, each with the message key to show beside it. */
    Map<String, String> unreadable() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (later()) {
            if (zone() == null) {
                problems.put("timeZone", "form.zone");
            }
            if (parse(() -> LocalDate.parse(text(date))) == null) {
                problems.put("date", "form.date");
            }
            if (parse(() -> LocalTime.parse(text(time))) == null) {
                problems.put("time", "form.time");
            }
        }
        return problems;
    }

    @Nullable
    OffsetDateTime sendAt() {
        ZoneId zone = zone();
        LocalDate day = parse(() -> LocalDate.parse(text(date)));
        LocalTime at = parse(() -> LocalTime.parse(text(time)));
        return !later() || zone == null || day == null || at == null
                ? null
                : LocalDateTime.of(day, at).atZone(zone).toOffsetDateTime();
    }

    @Nullable
    ZoneId zone() {
        return parse(() -> ZoneId.of(text(timeZone).strip()));
    }

    /** The body of notification-service's write and edit requests. */
    Map<String, Object> request(ZoneId personZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("texts", texts());
        body.put("targets", targets());
        OffsetDateTime sendAt = sendAt();
        if (sendAt != null) {
            body.put("sendAt", sendAt.toString());
        }
        ZoneId zone = zone();
        body.put("timeZone", (zone == null ? personZone : zone).getId());
        return body;
    }

    /** The body of the preview request: the targets and the languages written so far. */
    Map<String, Object> previewRequest() {
        return Map.of("targets", targets(), "languages", written());
    }

    /** The body of a correction. */
    Map<String, Object> correction() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("texts", texts());
        if (!text(changeNote).isBlank()) {
            body.put("changeNote", text(changeNote).strip());
        }
        return body;
    }

    String key() {
        return text(requestKey).isBlank() ? UUID.randomUUID().toString() : text(requestKey);
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
