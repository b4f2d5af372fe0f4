package org.concordia.project.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.domain.DomainException;
import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.project.ProjectCoordination;
import org.concordia.project.project.model.Milestone;
import org.concordia.project.project.model.MilestoneKind;
import org.concordia.project.project.model.MilestoneStatus;
import org.concordia.project.project.model.PartnerRole;
import org.concordia.project.project.model.PartnerStatus;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectDetails;
import org.concordia.project.project.model.ProjectPartner;
import org.concordia.project.project.model.ProjectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seeds' project of the Stowarzyszenie Solidarności Globalnej (Lublin) with the Lublin and Białystok NGO
 * coalitions and partners in Portugal, Spain, Austria and Czechia: study visits to Austria, Czechia and Catalonia, a
 * good-practice publication, and the first International Integration Forum closing it.
 *
 * <p>Every step goes through {@link ProjectCoordination}, so it is stored and published like a coordinator's work, and
 * every step first looks whether it has happened already: loading twice, or finishing a load that was interrupted,
 * creates and publishes nothing twice. Ids are derived from fixed keys, as organization-service derives the demo
 * organizations' ids.
 *
 * <p>The seed gives neither dates, cities nor a budget. The period is placed around the day of the first load (it
 * started four months earlier and runs eighteen months) so that the demo shows a running project with one study visit
 * behind it; milestones are placed relative to the period; no funding is invented.
 */
@Component
public class DemoProject {

    public static final String PROJECT_ID = id("project:lublin-bialystok-integration");

    static final String LEAD = "global-solidarity";
    static final List<String> PARTNERS = List.of(
            "lublin-ngo-coalition", "bialystok-ngo-coalition", "partner-pt", "partner-es", "partner-at", "partner-cz");

    private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

    private static final String TITLE = "Współpraca międzynarodowa jako metoda budowania lokalnego potencjału"
            + " integracyjnego polskich miast (Lublina i Białegostoku)";
    private static final String SUMMARY = "Projekt ma na celu rozpoczęcie długofalowych działań na rzecz rozwoju"
            + " współpracy międzynarodowej między koalicją organizacji pozarządowych z Lublina i Białegostoku oraz 4"
            + " państw UE: Portugalii, Hiszpanii, Austrii i Czech. Innowacyjne podejście polega na zawiązaniu trwałych"
            + " mechanizmów współpracy łączących podmioty na różnych szczeblach zarządzania i stanowienia prawa i"
            + " aktywności na poziomie lokalnym, regionalnym, krajowym i międzynarodowym.";
    private static final List<String> GOALS = List.of(
            "Wymiana informacji na temat sytuacji dotyczącej integracji i działań prowadzonych w tym obszarze",
            "Poznanie dobrych praktyk i metod skutecznego angażowania obywateli państw trzecich w działania"
                    + " integracyjne",
            "Wizyty studyjne reprezentacji lubelskich i białostockich NGOs oraz władz szczebla centralnego,"
                    + " samorządowego i przedstawicieli świata nauki i mediów w 4 krajach UE",
            "Trwałe partnerstwo, któremu wyraz da pierwsze Międzynarodowe Forum Integracyjne",
            "Publikacja będąca zbiorem dobrych praktyk oraz album-kalendarz promujący międzynarodowe doświadczenia EFI");

    /** The milestones, due so many months after the project's planned start. */
    private static final List<PlannedMilestone> MILESTONES = List.of(
            new PlannedMilestone(
                    "study-visit-at", MilestoneKind.STUDY_VISIT, "Wizyta studyjna: integracja po austriacku", "AT", 2),
            new PlannedMilestone(
                    "study-visit-cz", MilestoneKind.STUDY_VISIT, "Wizyta studyjna: integracja po czesku", "CZ", 5),
            new PlannedMilestone(
                    "study-visit-catalonia",
                    MilestoneKind.STUDY_VISIT,
                    "Wizyta studyjna: integracja Katalonia",
                    "ES",
                    8),
            new PlannedMilestone(
                    "good-practice-publication",
                    MilestoneKind.PUBLICATION,
                    "Publikacja: zbiór dobrych praktyk",
                    null,
                    15),
            new PlannedMilestone(
                    "integration-forum", MilestoneKind.FORUM, "Międzynarodowe Forum Integracyjne (I)", "PL", 17));

    private static final String FIRST_VISIT = "study-visit-at";

    private final ProjectCoordination coordination;
    private final OrganizationDirectory directory;
    private final Clock clock;

    DemoProject(ProjectCoordination coordination, OrganizationDirectory directory, Clock clock) {
        this.coordination = coordination;
        this.directory = directory;
        this.clock = clock;
    }

    /** The demo organization's id, by the rule organization-service's demo uses. */
    public static String organizationId(String key) {
        return id(key);
    }

    static String id(String key) {
        return UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Whether the directory knows the lead and every partner, so that loading can begin. */
    public boolean organizationsKnown() {
        return directory.find(organizationId(LEAD)).isPresent()
                && PARTNERS.stream()
                        .allMatch(key -> directory.find(organizationId(key)).isPresent());
    }

    /**
     * Brings the demo project to its demo state, doing only what has not been done.
     *
     * @return how many changes it made: 0 when the project was loaded already
     */
    public int load() {
        int changes = 0;
        Project project;
        Optional<KnownOrganization> lead = directory.find(organizationId(LEAD));
        if (lead.isEmpty() || lead.get().archived()) {
            log.warn("Demo project not loaded: its lead organization {} is unknown or archived", organizationId(LEAD));
            return 0;
        }
        var proposed = coordination.propose(PROJECT_ID, details(), organizationId(LEAD));
        project = proposed.value();
        changes += proposed.isNew() ? 1 : 0;
        if (project.isEnded()) {
            return changes;
        }
        for (String key : PARTNERS) {
            String organizationId = organizationId(key);
            Optional<ProjectPartner> partner = project.partner(organizationId);
            if (partner.isEmpty()) {
                Optional<KnownOrganization> known = directory.find(organizationId);
                if (known.isEmpty() || known.get().archived()) {
                    log.warn("Demo partner {} ({}) is unknown or archived; not invited", key, organizationId);
                    continue;
                }
                project = coordination
                        .invite(PROJECT_ID, ExpectedVersion.any(), organizationId, PartnerRole.PARTNER, false)
                        .value()
                        .project();
                changes++;
                partner = project.partner(organizationId);
            }
            if (partner.isPresent() && partner.get().status() == PartnerStatus.INVITED) {
                project = coordination
                        .accept(PROJECT_ID, ExpectedVersion.any(), organizationId)
                        .project();
                changes++;
            }
        }
        if (project.status() == ProjectStatus.DRAFT) {
            try {
                project = coordination.activate(PROJECT_ID, ExpectedVersion.any());
                changes++;
            } catch (DomainException notInternational) {
                log.warn("Demo project stays a draft: {}", notInternational.getMessage());
            }
        }
        LocalDate start = project.details().plannedStart();
        for (PlannedMilestone planned : MILESTONES) {
            String milestoneId = id("milestone:" + planned.key());
            if (project.milestone(milestoneId).isEmpty()) {
                project = coordination
                        .planMilestone(
                                PROJECT_ID,
                                ExpectedVersion.any(),
                                milestoneId,
                                planned.kind(),
                                planned.title(),
                                planned.hostCountry(),
                                null,
                                start.plusMonths(planned.monthsAfterStart()),
                                true)
                        .value()
                        .project();
                changes++;
            }
        }
        Optional<Milestone> firstVisit = project.milestone(id("milestone:" + FIRST_VISIT));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (firstVisit.isPresent()
                && firstVisit.get().status() == MilestoneStatus.PLANNED
                && project.status() == ProjectStatus.ACTIVE
                && !firstVisit.get().dueDate().isAfter(today)) {
            coordination.completeMilestone(
                    PROJECT_ID,
                    ExpectedVersion.any(),
                    firstVisit.get().id(),
                    firstVisit.get().dueDate());
            changes++;
        }
        return changes;
    }

    private ProjectDetails details() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(1).minusMonths(4);
        return new ProjectDetails(
                TITLE, SUMMARY, GOALS, start, start.plusMonths(18).minusDays(1), null);
    }

    private record PlannedMilestone(
            String key, MilestoneKind kind, String title, String hostCountry, int monthsAfterStart) {}
}
