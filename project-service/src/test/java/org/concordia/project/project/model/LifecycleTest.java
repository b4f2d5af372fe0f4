package org.concordia.project.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.concordia.project.project.model.ProjectFixtures.BIALYSTOK_COALITION;
import static org.concordia.project.project.model.ProjectFixtures.CLOCK;
import static org.concordia.project.project.model.ProjectFixtures.GLOBAL_SOLIDARITY;
import static org.concordia.project.project.model.ProjectFixtures.LUBLIN_COALITION;
import static org.concordia.project.project.model.ProjectFixtures.PARTNER_CZ;
import static org.concordia.project.project.model.ProjectFixtures.PARTNER_PT;
import static org.concordia.project.project.model.ProjectFixtures.active;
import static org.concordia.project.project.model.ProjectFixtures.details;
import static org.concordia.project.project.model.ProjectFixtures.draft;

import java.time.LocalDate;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void a_project_with_partners_from_one_country_cannot_be_activated() {
        Project project = draft();
        project.invite(LUBLIN_COALITION, PartnerRole.PARTNER, CLOCK);
        project.invite(BIALYSTOK_COALITION, PartnerRole.PARTNER, CLOCK);
        project.accept(LUBLIN_COALITION.id(), CLOCK);
        project.accept(BIALYSTOK_COALITION.id(), CLOCK);

        assertThatThrownBy(() -> project.activate(CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at least two countries")
                .hasMessageContaining("all of them are from PL");
        assertThat(project.status()).isEqualTo(ProjectStatus.DRAFT);
    }

    @Test
    void a_project_without_an_accepted_partner_cannot_be_activated_even_with_invitations_abroad() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);

        assertThatThrownBy(() -> project.activate(CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at least one invited partner has accepted");
    }

    @Test
    void a_lead_and_one_accepted_partner_from_another_country_make_a_project_international() {
        Project project = draft();
        project.invite(PARTNER_CZ, PartnerRole.PARTNER, CLOCK);
        project.invite(PARTNER_PT, PartnerRole.ASSOCIATE, CLOCK);
        project.accept(PARTNER_CZ.id(), CLOCK);
        project.pullEvents();

        assertThat(project.activate(CLOCK)).isTrue();

        assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(ProjectActivated.class, event -> {
            assertThat(event.countries()).containsExactly("CZ", "PL");
            assertThat(event.partners())
                    .extracting(Partner::organizationId, Partner::role, Partner::status)
                    .containsExactly(
                            tuple(GLOBAL_SOLIDARITY.id(), "lead", "accepted"),
                            tuple(PARTNER_CZ.id(), "partner", "accepted"),
                            tuple(PARTNER_PT.id(), "associate", "invited"));
        });
        assertThat(project.activate(CLOCK)).as("activating twice").isFalse();
        assertThat(project.pullEvents()).isEmpty();
    }

    @Test
    void an_active_project_completes_once_none_of_its_milestones_is_still_planned() {
        Project project = active();
        project.planMilestone(
                "m1", MilestoneKind.REPORT, "Raport końcowy", null, null, LocalDate.parse("2027-09-30"), CLOCK);
        project.planMilestone(
                "m2", MilestoneKind.OTHER, "Album-kalendarz", null, null, LocalDate.parse("2027-06-30"), CLOCK);

        assertThatThrownBy(() -> project.complete(CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageEndingWith("\"Album-kalendarz\", \"Raport końcowy\"");

        project.completeMilestone("m1", LocalDate.parse("2026-05-01"), CLOCK);
        project.cancelMilestone("m2", "Bez środków", CLOCK);
        project.pullEvents();
        assertThat(project.complete(CLOCK)).isTrue();

        assertThat(project.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ProjectCompleted.class,
                        event -> assertThat(event.countries()).containsExactly("AT", "PL"));
        assertThat(project.complete(CLOCK)).as("completing twice").isFalse();
    }

    @Test
    void a_draft_cannot_be_completed() {
        assertThatThrownBy(() -> draft().complete(CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Only an active project can be completed; this one is draft");
    }

    @Test
    void completed_and_cancelled_projects_do_not_change_any_more() {
        Project completed = active();
        completed.complete(CLOCK);
        Project cancelled = draft();
        cancelled.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        cancelled.cancel("Brak finansowania", CLOCK);

        for (Project ended : new Project[] {completed, cancelled}) {
            ended.pullEvents();
            assertThatThrownBy(() -> ended.invite(PARTNER_CZ, PartnerRole.PARTNER, CLOCK))
                    .hasMessageContaining("completed and cancelled projects do not change");
            assertThatThrownBy(() -> ended.changeDetails(
                            new ProjectDetails(
                                    "Other", "", java.util.List.of(), ProjectFixtures.START, ProjectFixtures.END, null),
                            CLOCK))
                    .isInstanceOf(RuleViolationException.class);
            assertThatThrownBy(() -> ended.planMilestone(
                            "m9", MilestoneKind.REPORT, "Raport", null, null, ProjectFixtures.END, CLOCK))
                    .isInstanceOf(RuleViolationException.class);
            assertThatThrownBy(() -> ended.activate(CLOCK)).isInstanceOf(RuleViolationException.class);
            assertThat(ended.pullEvents()).isEmpty();
        }
        assertThatThrownBy(() -> cancelled.accept(PARTNER_PT.id(), CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> completed.cancel(null, CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> cancelled.complete(CLOCK)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_draft_or_an_active_project_is_cancelled_with_its_reason_once() {
        Project project = active();

        assertThat(project.cancel("  Partnerzy wycofali się ", CLOCK)).isTrue();
        assertThat(project.cancel("again", CLOCK)).isFalse();

        assertThat(project.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(project.cancellationReason()).isEqualTo("Partnerzy wycofali się");
        assertThat(project.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ProjectCancelled.class,
                        event -> assertThat(event.reason()).isEqualTo("Partnerzy wycofali się"));
        assertThat(Project.propose("p2", details(), GLOBAL_SOLIDARITY, CLOCK).cancel(null, CLOCK))
                .isTrue();
    }
}
