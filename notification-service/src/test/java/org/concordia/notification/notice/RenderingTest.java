package org.concordia.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.concordia.notification.recipient.Reason;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private final Rendering rendering = new Rendering();

    private static final Map<String, Object> RESCHEDULED = Map.of(
            "meeting", "Partner coordination",
            // 27 October 2025: Europe's clocks went back the night before
            "previousStart", Instant.parse("2025-10-24T13:00:00Z"),
            "start", Instant.parse("2025-10-27T13:00:00Z"));

    @Test
    void a_bulgarian_member_reads_bulgarian_with_sofia_time_and_a_polish_member_polish_with_warsaw_time() {
        Rendered bg = rendering.render(
                "meeting.rescheduled", RESCHEDULED, Reason.of("invited", "meeting", "X"), "bg", "Europe/Sofia");
        Rendered pl = rendering.render(
                "meeting.rescheduled", RESCHEDULED, Reason.of("invited", "meeting", "X"), "pl", "Europe/Warsaw");

        assertThat(bg.title()).startsWith("Преместена");
        assertThat(bg.body()).contains("16:00").contains("15:00").contains("Източноевропейско");
        assertThat(pl.title()).startsWith("Przeniesiono");
        assertThat(pl.body()).contains("15:00").contains("14:00").contains("środkowoeuropejski");
    }

    @Test
    void a_milestone_is_named_by_its_kind_in_words_and_a_name_stands_after_a_noun_that_declines() {
        Map<String, Object> planned = Map.of(
                "project", "Mosty",
                "milestone", "Forum w Płowdiwie",
                "kind", "study_visit",
                "due", java.time.LocalDate.parse("2026-10-01"),
                "city", "");

        assertThat(rendering
                        .render("milestone.planned", planned, Reason.of("about_you"), "pl", "Europe/Warsaw")
                        .body())
                .contains("„Forum w Płowdiwie” (wizyta studyjna)")
                .contains("W projekcie „Mosty”")
                .doesNotContain("study_visit");
        assertThat(rendering
                        .render("milestone.planned", planned, Reason.of("about_you"), "bg", "Europe/Sofia")
                        .body())
                .contains("(учебно посещение)");
        assertThat(rendering
                        .render("milestone.planned", planned, Reason.of("about_you"), "en", "Europe/London")
                        .body())
                .contains("(study visit)");
    }

    @Test
    void daylight_saving_is_named_on_each_side_of_the_change() {
        Rendered en = rendering.render(
                "meeting.rescheduled", RESCHEDULED, Reason.of("invited", "meeting", "X"), "en", "Europe/Warsaw");

        // the same 13:00 UTC is 15:00 summer time before the change and 14:00 standard time after it
        assertThat(en.body())
                .contains("15:00 (Central European Summer Time)")
                .contains("14:00 (Central European Standard Time)");
    }

    @Test
    void polish_plurals_have_three_forms() {
        assertThat(reminder("pl", 1, "hour")).contains("za 1 godzinę");
        assertThat(reminder("pl", 2, "hour")).contains("za 2 godziny");
        assertThat(reminder("pl", 5, "hour")).contains("za 5 godzin");
        assertThat(reminder("pl", 22, "minute")).contains("za 22 minuty");
        assertThat(reminder("pl", 25, "minute")).contains("za 25 minut");
        assertThat(reminder("bg", 1, "day")).contains("след 1 ден");
        assertThat(reminder("bg", 2, "day")).contains("след 2 дни");
        assertThat(reminder("en", 1, "hour")).contains("in 1 hour,");
        assertThat(reminder("en", 5, "hour")).contains("in 5 hours,");
    }

    @Test
    void a_language_without_texts_falls_back_to_english() {
        Rendered de = rendering.render(
                "meeting.rescheduled", RESCHEDULED, Reason.of("invited", "meeting", "X"), "de-AT", "Europe/Vienna");

        assertThat(de.language()).isEqualTo("en");
        assertThat(de.title()).isEqualTo("Moved: Partner coordination");
        assertThat(de.reason()).isEqualTo("You are invited to X.");
    }

    @Test
    void the_reason_names_the_organization_and_the_project() {
        Rendered en = rendering.render(
                "milestone.planned",
                Map.of(
                        "project",
                        "Trakia",
                        "milestone",
                        "Study visit",
                        "kind",
                        "study_visit",
                        "due",
                        java.time.LocalDate.of(2026, 3, 10),
                        "city",
                        "Plovdiv"),
                Reason.of(
                        "member_of_partner", "organization", "RAO Trakia", "role", "coordinator", "project", "Trakia"),
                "en",
                "Europe/Sofia");

        assertThat(en.reason()).isEqualTo("You coordinate RAO Trakia, a partner of project Trakia.");
        assertThat(en.title()).isEqualTo("Trakia: Study visit planned for March 10, 2026");
    }

    private String reminder(String language, int amount, String unit) {
        return rendering
                .render(
                        "meeting.reminder",
                        Map.of(
                                "meeting",
                                "M",
                                "start",
                                Instant.parse("2026-03-10T09:00:00Z"),
                                "amount",
                                amount,
                                "unit",
                                unit),
                        Reason.of("registered", "meeting", "M"),
                        language,
                        "Europe/Warsaw")
                .body();
    }
}
