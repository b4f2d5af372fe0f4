package org.concordia.project.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.project.project.model.ProjectFixtures.CLOCK;
import static org.concordia.project.project.model.ProjectFixtures.END;
import static org.concordia.project.project.model.ProjectFixtures.START;
import static org.concordia.project.project.model.ProjectFixtures.active;
import static org.concordia.project.project.model.ProjectFixtures.draft;

import java.time.LocalDate;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class MilestonesTest {

    private static final LocalDate JUNE = LocalDate.parse("2026-06-15");

    @Test
    void a_study_visit_is_planned_with_its_host_country_city_and_due_date() {
        Project project = draft();

        project.planMilestone("m1", MilestoneKind.STUDY_VISIT, "Integracja po austriacku", "at", "Wien", JUNE, CLOCK);

        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(MilestonePlanned.class, event -> {
            assertThat(event.kind()).isEqualTo("study_visit");
            assertThat(event.hostCountry()).isEqualTo("AT");
            assertThat(event.hostCity()).isEqualTo("Wien");
            assertThat(event.dueDate()).isEqualTo(JUNE);
            assertThat(event.projectTitle()).isEqualTo(project.details().title());
        });
    }

    @Test
    void study_visits_and_forums_need_a_host_country_and_publications_do_not() {
        Project project = draft();

        assertThatThrownBy(() -> project.planMilestone("m1", MilestoneKind.FORUM, "Forum", null, null, JUNE, CLOCK))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("hostCountry");
                    assertThat(e.getMessage()).contains("A forum takes place somewhere");
                });
        assertThatThrownBy(
                        () -> project.planMilestone("m1", MilestoneKind.STUDY_VISIT, "Visit", "XX", null, JUNE, CLOCK))
                .hasMessageContaining("ISO 3166-1 alpha-2");
        project.planMilestone("m2", MilestoneKind.PUBLICATION, "Zbiór dobrych praktyk", null, null, JUNE, CLOCK);
        assertThat(project.milestones())
                .singleElement()
                .extracting(Milestone::hostCountry)
                .isNull();
    }

    @Test
    void a_milestone_is_due_from_30_days_before_the_start_to_90_days_after_the_end() {
        Project project = draft();

        project.planMilestone("early", MilestoneKind.OTHER, "Kick-off", null, null, START.minusDays(30), CLOCK);
        project.planMilestone("late", MilestoneKind.REPORT, "Final report", null, null, END.plusDays(90), CLOCK);
        assertThatThrownBy(() -> project.planMilestone(
                        "too-early", MilestoneKind.OTHER, "Too early", null, null, START.minusDays(31), CLOCK))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("dueDate");
                    assertThat(e.getMessage()).contains("a milestone is due from 2026-01-30 to 2027-11-29");
                });
        assertThatThrownBy(() -> project.planMilestone(
                        "too-late", MilestoneKind.REPORT, "Too late", null, null, END.plusDays(91), CLOCK))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void rescheduling_announces_the_new_and_the_previous_date_and_the_same_date_changes_nothing() {
        Project project = draft();
        project.planMilestone("m1", MilestoneKind.STUDY_VISIT, "Integracja po czesku", "CZ", "Praha", JUNE, CLOCK);
        project.pullEvents();

        assertThat(project.rescheduleMilestone("m1", JUNE.plusDays(14), CLOCK)).isTrue();
        assertThat(project.rescheduleMilestone("m1", JUNE.plusDays(14), CLOCK)).isFalse();

        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(MilestoneRescheduled.class, event -> {
            assertThat(event.dueDate()).isEqualTo(JUNE.plusDays(14));
            assertThat(event.previousDueDate()).isEqualTo(JUNE);
            assertThat(event.hostCity()).isEqualTo("Praha");
        });
    }

    @Test
    void milestones_are_completed_only_while_the_project_is_active_and_not_in_the_future() {
        Project draft = draft();
        draft.planMilestone("m1", MilestoneKind.REPORT, "Raport", null, null, JUNE, CLOCK);
        assertThatThrownBy(() -> draft.completeMilestone("m1", null, CLOCK))
                .hasMessageContaining("while the project is active");

        Project project = active();
        project.planMilestone("m1", MilestoneKind.REPORT, "Raport", null, null, JUNE, CLOCK);
        assertThatThrownBy(() -> project.completeMilestone("m1", LocalDate.parse("2026-05-05"), CLOCK))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("completedOn"));
        project.pullEvents();

        assertThat(project.completeMilestone("m1", null, CLOCK)).isTrue();
        assertThat(project.completeMilestone("m1", null, CLOCK)).isFalse();

        assertThat(project.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        MilestoneCompleted.class,
                        event -> assertThat(event.completedOn()).isEqualTo(LocalDate.parse("2026-05-04")));
        assertThatThrownBy(() -> project.rescheduleMilestone("m1", JUNE, CLOCK))
                .hasMessageContaining("Only a planned milestone can be rescheduled");
    }

    @Test
    void a_cancelled_milestone_stays_on_the_timeline_and_is_announced_once() {
        Project project = draft();
        project.planMilestone("m1", MilestoneKind.FORUM, "Forum", "PL", "Lublin", JUNE, CLOCK);
        project.pullEvents();

        assertThat(project.cancelMilestone("m1", "Przeniesione online", CLOCK)).isTrue();
        assertThat(project.cancelMilestone("m1", null, CLOCK)).isFalse();

        assertThat(project.timeline()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MilestoneStatus.CANCELLED);
            assertThat(m.cancellationReason()).isEqualTo("Przeniesione online");
        });
        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(MilestoneCancelled.class, event -> {
            assertThat(event.milestoneId()).isEqualTo("m1");
            assertThat(event.kind()).isEqualTo("forum");
            assertThat(event.hostCity()).isEqualTo("Lublin");
            assertThat(event.dueDate()).isEqualTo(JUNE);
            assertThat(event.reason()).isEqualTo("Przeniesione online");
        });
    }

    @Test
    void the_timeline_is_in_date_order_by_the_day_reached_else_the_day_due() {
        Project project = active();
        project.planMilestone("forum", MilestoneKind.FORUM, "Forum", "PL", null, LocalDate.parse("2027-08-01"), CLOCK);
        project.planMilestone(
                "at", MilestoneKind.STUDY_VISIT, "Austria", "AT", null, LocalDate.parse("2026-09-01"), CLOCK);
        project.planMilestone(
                "cz", MilestoneKind.STUDY_VISIT, "Czechy", "CZ", null, LocalDate.parse("2026-06-01"), CLOCK);
        project.completeMilestone("at", LocalDate.parse("2026-04-20"), CLOCK);

        assertThat(project.timeline()).extracting(Milestone::id).containsExactly("at", "cz", "forum");
    }

    @Test
    void an_unknown_milestone_is_not_found() {
        assertThatThrownBy(() -> draft().rescheduleMilestone("nope", JUNE, CLOCK))
                .isInstanceOf(org.concordia.platform.domain.NotFoundException.class);
    }
}
