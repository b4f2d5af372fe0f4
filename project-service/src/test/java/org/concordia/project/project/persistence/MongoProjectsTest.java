package org.concordia.project.project.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.concordia.project.project.model.Funding;
import org.concordia.project.project.model.MilestoneKind;
import org.concordia.project.project.model.OrganizationRef;
import org.concordia.project.project.model.PartnerRole;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectDetails;
import org.concordia.project.project.model.ProjectSearch;
import org.concordia.project.project.model.ProjectStatus;
import org.concordia.project.project.model.Projects;
import org.concordia.project.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** Projects survive the trip to MongoDB and back whole, and the queries find what they should. */
class MongoProjectsTest extends IntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T08:30:00.123Z"), ZoneOffset.UTC);

    @Autowired
    Projects projects;

    @Test
    void a_project_with_funding_partners_and_milestones_reads_back_as_it_was_written() {
        String id = UUID.randomUUID().toString();
        OrganizationRef lead =
                new OrganizationRef(UUID.randomUUID().toString(), "Stowarzyszenie Solidarności Globalnej", "PL");
        OrganizationRef portugal = new OrganizationRef(UUID.randomUUID().toString(), "Associação", "PT");
        OrganizationRef spain = new OrganizationRef(UUID.randomUUID().toString(), "Associació", "ES");
        Project project = Project.propose(
                id,
                new ProjectDetails(
                        "Zażółć gęślą jaźń",
                        "Podsumowanie",
                        List.of("Cel 1", "Cel 2"),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"),
                        new Funding("EFI", new BigDecimal("1234567890.10"), "EUR")),
                lead,
                CLOCK);
        project.invite(portugal, PartnerRole.PARTNER, CLOCK);
        project.invite(spain, PartnerRole.ASSOCIATE, CLOCK);
        project.accept(portugal.id(), CLOCK);
        project.decline(spain.id(), "Nie teraz", CLOCK);
        project.activate(CLOCK);
        project.planMilestone(
                "m1", MilestoneKind.STUDY_VISIT, "Wizyta", "PT", "Lisboa", LocalDate.parse("2026-03-01"), CLOCK);
        project.planMilestone(
                "m2", MilestoneKind.PUBLICATION, "Publikacja", null, null, LocalDate.parse("2026-11-30"), CLOCK);
        project.completeMilestone("m1", LocalDate.parse("2026-03-02"), CLOCK);
        project.cancelMilestone("m2", "Brak środków", CLOCK);

        Project stored = projects.add(project);
        Project read = projects.byId(id).orElseThrow();

        assertThat(read.version()).isZero().isEqualTo(stored.version());
        assertThat(read.details()).isEqualTo(project.details());
        assertThat(read.details().funding().amount()).isEqualByComparingTo("1234567890.10");
        assertThat(read.lead()).isEqualTo(lead);
        assertThat(read.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(read.partners()).isEqualTo(project.partners());
        assertThat(read.milestones()).isEqualTo(project.milestones());
        assertThat(read.proposedAt()).isEqualTo(CLOCK.instant());
        assertThat(read.activatedAt()).isEqualTo(CLOCK.instant());
        assertThat(read.countries()).containsExactly("PL", "PT");

        assertThat(projects.search(new ProjectSearch(portugal.id(), "PT", ProjectStatus.ACTIVE), 0, 10))
                .extracting(Project::id)
                .containsExactly(id);
        assertThat(projects.search(new ProjectSearch(spain.id(), null, null), 0, 10))
                .as("a declined organization takes no part")
                .isEmpty();
        assertThat(projects.openNaming(spain.id())).containsExactly(id);
        assertThat(projects.openWithPendingInvitationOf(spain.id())).isEmpty();
    }

    @Test
    void a_second_project_under_the_same_id_and_a_stale_update_are_refused() {
        String id = UUID.randomUUID().toString();
        OrganizationRef lead = new OrganizationRef(UUID.randomUUID().toString(), "Lead", "PL");
        ProjectDetails details = new ProjectDetails(
                "Projekt", "", List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), null);
        projects.add(Project.propose(id, details, lead, CLOCK));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> projects.add(Project.propose(id, details, lead, CLOCK)))
                .isInstanceOf(DuplicateKeyException.class);

        Project first = projects.byId(id).orElseThrow();
        Project second = projects.byId(id).orElseThrow();
        first.cancel("pierwszy", CLOCK);
        projects.update(first);
        second.cancel("drugi", CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.update(second))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(projects.byId(id).orElseThrow().cancellationReason()).isEqualTo("pierwszy");
    }
}
