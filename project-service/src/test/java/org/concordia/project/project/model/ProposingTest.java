package org.concordia.project.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.project.project.model.ProjectFixtures.CLOCK;
import static org.concordia.project.project.model.ProjectFixtures.END;
import static org.concordia.project.project.model.ProjectFixtures.GLOBAL_SOLIDARITY;
import static org.concordia.project.project.model.ProjectFixtures.START;
import static org.concordia.project.project.model.ProjectFixtures.details;
import static org.concordia.project.project.model.ProjectFixtures.draft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class ProposingTest {

    @Test
    void a_proposed_project_is_a_draft_and_announces_its_lead_period_and_funding() {
        Project project = Project.propose("project-1", details(), GLOBAL_SOLIDARITY, CLOCK);

        assertThat(project.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(project.countries()).containsExactly("PL");
        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(ProjectProposed.class, event -> {
            assertThat(event.projectId()).isEqualTo("project-1");
            assertThat(event.leadOrganizationName()).isEqualTo("Stowarzyszenie Solidarności Globalnej");
            assertThat(event.leadCountry()).isEqualTo("PL");
            assertThat(event.plannedStart()).isEqualTo(START);
            assertThat(event.plannedEnd()).isEqualTo(END);
            assertThat(event.funding().amount()).isEqualByComparingTo("250000");
            assertThat(event.funding().currency()).isEqualTo("PLN");
            assertThat(event.occurredAt()).isEqualTo(ProjectFixtures.NOW);
        });
        assertThat(project.pullEvents()).as("events are handed over once").isEmpty();
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_naming_the_end() {
        assertThatThrownBy(() -> new ProjectDetails("Title", "", List.of(), END, START, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("plannedEnd"));
    }

    @Test
    void a_one_day_project_is_fine_but_one_longer_than_ten_years_is_not() {
        assertThat(new ProjectDetails("Forum", "", List.of(), START, START, null).plannedEnd())
                .isEqualTo(START);
        assertThatThrownBy(() -> new ProjectDetails("Forever", "", List.of(), START, START.plusYears(11), null))
                .hasMessageContaining("at most 10 years");
    }

    @Test
    void funding_is_never_negative_has_at_most_cents_and_a_real_currency() {
        assertThatThrownBy(() -> new Funding("EFI", new BigDecimal("-1"), "EUR"))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new Funding("EFI", new BigDecimal("1.005"), "EUR"))
                .hasMessageContaining("2 after the decimal point");
        assertThatThrownBy(() -> new Funding("EFI", BigDecimal.TEN, "EUX"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("funding.currency"));
        assertThat(new Funding(" EFI ", new BigDecimal("1.50"), "pln"))
                .isEqualTo(new Funding("EFI", new BigDecimal("1.50"), "PLN"));
    }

    @Test
    void a_title_is_required_and_at_most_200_characters() {
        assertThatThrownBy(() -> new ProjectDetails("  ", "", List.of(), START, END, null))
                .hasMessageContaining("title");
        assertThatThrownBy(() -> new ProjectDetails("x".repeat(201), "", List.of(), START, END, null))
                .hasMessageContaining("title must be 1 to 200 characters");
    }

    @Test
    void changing_the_details_publishes_the_whole_new_state_with_the_next_version() {
        Project project = draft();
        ProjectDetails longer =
                new ProjectDetails("New title", "New summary", List.of("One goal"), START, END.plusMonths(2), null);

        assertThat(project.changeDetails(longer, CLOCK)).isTrue();

        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(ProjectDetailsChanged.class, event -> {
            assertThat(event.title()).isEqualTo("New title");
            assertThat(event.plannedEnd()).isEqualTo(END.plusMonths(2));
            assertThat(event.funding()).isNull();
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.leadOrganizationId()).isEqualTo(GLOBAL_SOLIDARITY.id());
        });
    }

    @Test
    void changing_the_details_to_what_they_are_records_nothing() {
        Project project = draft();

        assertThat(project.changeDetails(details(), CLOCK)).isFalse();
        assertThat(project.pullEvents()).isEmpty();
    }

    @Test
    void a_new_period_that_would_leave_a_planned_milestone_outside_is_refused() {
        Project project = draft();
        project.planMilestone("m1", MilestoneKind.FORUM, "Forum", "PL", "Lublin", LocalDate.parse("2027-08-01"), CLOCK);

        ProjectDetails shorter = new ProjectDetails("Title", "", List.of(), START, LocalDate.parse("2026-12-31"), null);

        assertThatThrownBy(() -> project.changeDetails(shorter, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("\"Forum\" (2027-08-01)")
                .hasMessageContaining("reschedule them first");
    }
}
