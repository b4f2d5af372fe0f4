package org.concordia.project.project.model;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Organizations from the seeds and a clock that stands still, for scenario tests of the project rules. */
final class ProjectFixtures {

    static final Instant NOW = Instant.parse("2026-05-04T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final OrganizationRef GLOBAL_SOLIDARITY =
            new OrganizationRef("org-gs", "Stowarzyszenie Solidarności Globalnej", "PL");
    static final OrganizationRef LUBLIN_COALITION =
            new OrganizationRef("org-lublin", "Koalicja organizacji pozarządowych z Lublina", "PL");
    static final OrganizationRef BIALYSTOK_COALITION =
            new OrganizationRef("org-bialystok", "Koalicja organizacji pozarządowych z Białegostoku", "PL");
    static final OrganizationRef PARTNER_PT = new OrganizationRef("org-pt", "Associação Lisboa Integra", "PT");
    static final OrganizationRef PARTNER_AT = new OrganizationRef("org-at", "Integrationsverein Wien", "AT");
    static final OrganizationRef PARTNER_CZ = new OrganizationRef("org-cz", "Integrační centrum Praha", "CZ");

    static final LocalDate START = LocalDate.parse("2026-03-01");
    static final LocalDate END = LocalDate.parse("2027-08-31");

    private ProjectFixtures() {}

    static ProjectDetails details() {
        return new ProjectDetails(
                "Współpraca międzynarodowa jako metoda budowania lokalnego potencjału integracyjnego polskich miast",
                "Wymiana doświadczeń z partnerami w Portugalii, Hiszpanii, Austrii i Czechach.",
                List.of("Wizyty studyjne", "Międzynarodowe Forum Integracyjne"),
                START,
                END,
                new Funding("EFI", new BigDecimal("250000.00"), "PLN"));
    }

    /** A stored draft (version 0) led by the Global Solidarity Association, its events already handed over. */
    static Project draft() {
        Project proposed = Project.propose("project-1", details(), GLOBAL_SOLIDARITY, CLOCK);
        return stored(proposed, 0L);
    }

    /** An active project with accepted partners from Poland and Austria. */
    static Project active() {
        Project project = draft();
        project.invite(LUBLIN_COALITION, PartnerRole.PARTNER, CLOCK);
        project.invite(PARTNER_AT, PartnerRole.PARTNER, CLOCK);
        project.accept(LUBLIN_COALITION.id(), CLOCK);
        project.accept(PARTNER_AT.id(), CLOCK);
        project.activate(CLOCK);
        return stored(project, 4L);
    }

    /** The same state as if read back from the store at the given version, with no events pending. */
    static Project stored(Project project, long version) {
        return Project.restore(
                project.id(),
                version,
                project.details(),
                project.lead(),
                project.status(),
                project.partners(),
                project.milestones(),
                project.proposedAt(),
                project.activatedAt(),
                project.completedAt(),
                project.cancelledAt(),
                project.cancellationReason());
    }
}
