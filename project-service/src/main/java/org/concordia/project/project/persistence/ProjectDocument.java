package org.concordia.project.project.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.concordia.platform.domain.Coded;
import org.concordia.project.project.model.Funding;
import org.concordia.project.project.model.Milestone;
import org.concordia.project.project.model.MilestoneKind;
import org.concordia.project.project.model.MilestoneStatus;
import org.concordia.project.project.model.OrganizationRef;
import org.concordia.project.project.model.PartnerRole;
import org.concordia.project.project.model.PartnerStatus;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectDetails;
import org.concordia.project.project.model.ProjectPartner;
import org.concordia.project.project.model.ProjectStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A project as stored, partners and milestones inside it; its pending events live beside these fields in
 * {@code _outbox}. Dates are ISO strings ({@code 2026-03-01}), which sort by date and never shift with a time zone;
 * amounts are decimal strings, which keep every digit on any store.
 */
@Document(ProjectDocument.COLLECTION)
public class ProjectDocument {

    static final String COLLECTION = "projects";

    @Id
    String id;

    @Version
    Long version;

    String title;
    /** Lower-case title: the list order. */
    String titleKey;

    String summary;
    List<String> goals;
    String leadOrganizationId;
    String leadName;
    String leadCountry;
    String plannedStart;
    String plannedEnd;
    FundingEntry funding;
    String status;
    List<PartnerEntry> partners;
    List<MilestoneEntry> milestones;
    /** Derived, for queries: the lead's and accepted partners' countries. */
    List<String> countries;
    /** Derived, for queries: the lead and the organizations invited or accepted. */
    List<String> participantIds;
    /** Derived, for queries: the organizations whose invitation is pending. */
    List<String> invitedIds;

    Instant proposedAt;
    Instant activatedAt;
    Instant completedAt;
    Instant cancelledAt;
    String cancellationReason;

    public ProjectDocument() {}

    record FundingEntry(String programme, String amount, String currency) {}

    record PartnerEntry(
            String organizationId,
            String name,
            String country,
            String role,
            String status,
            Instant invitedAt,
            Instant answeredAt,
            String reason) {}

    record MilestoneEntry(
            String milestoneId,
            String kind,
            String title,
            String hostCountry,
            String hostCity,
            String dueDate,
            String status,
            String completedOn,
            String cancellationReason,
            Instant plannedAt) {}

    static ProjectDocument of(Project project) {
        ProjectDocument document = new ProjectDocument();
        ProjectDetails details = project.details();
        document.id = project.id();
        document.version = project.version();
        document.title = details.title();
        document.titleKey = details.title().toLowerCase(Locale.ROOT);
        document.summary = details.summary();
        document.goals = details.goals();
        document.leadOrganizationId = project.lead().id();
        document.leadName = project.lead().name();
        document.leadCountry = project.lead().country();
        document.plannedStart = details.plannedStart().toString();
        document.plannedEnd = details.plannedEnd().toString();
        Funding funding = details.funding();
        document.funding = funding == null
                ? null
                : new FundingEntry(funding.programme(), funding.amount().toPlainString(), funding.currency());
        document.status = project.status().code();
        document.partners = project.partners().stream()
                .map(p -> new PartnerEntry(
                        p.organizationId(),
                        p.organization().name(),
                        p.organization().country(),
                        p.role().code(),
                        p.status().code(),
                        p.invitedAt(),
                        p.answeredAt(),
                        p.reason()))
                .toList();
        document.milestones = project.milestones().stream()
                .map(m -> new MilestoneEntry(
                        m.id(),
                        m.kind().code(),
                        m.title(),
                        m.hostCountry(),
                        m.hostCity(),
                        m.dueDate().toString(),
                        m.status().code(),
                        m.completedOn() == null ? null : m.completedOn().toString(),
                        m.cancellationReason(),
                        m.plannedAt()))
                .toList();
        document.countries = project.countries();
        document.participantIds = project.participantIds();
        document.invitedIds = project.invitedIds();
        document.proposedAt = project.proposedAt();
        document.activatedAt = project.activatedAt();
        document.completedAt = project.completedAt();
        document.cancelledAt = project.cancelledAt();
        document.cancellationReason = project.cancellationReason();
        return document;
    }

    Project toModel() {
        ProjectDetails details = new ProjectDetails(
                title,
                summary,
                goals,
                LocalDate.parse(plannedStart),
                LocalDate.parse(plannedEnd),
                funding == null
                        ? null
                        : new Funding(funding.programme(), new BigDecimal(funding.amount()), funding.currency()));
        List<ProjectPartner> partnerList = partners == null
                ? List.of()
                : partners.stream()
                        .map(p -> new ProjectPartner(
                                new OrganizationRef(p.organizationId(), p.name(), p.country()),
                                code(PartnerRole.class, p.role()),
                                code(PartnerStatus.class, p.status()),
                                p.invitedAt(),
                                p.answeredAt(),
                                p.reason()))
                        .toList();
        List<Milestone> milestoneList = milestones == null
                ? List.of()
                : milestones.stream()
                        .map(m -> new Milestone(
                                m.milestoneId(),
                                code(MilestoneKind.class, m.kind()),
                                m.title(),
                                m.hostCountry(),
                                m.hostCity(),
                                LocalDate.parse(m.dueDate()),
                                code(MilestoneStatus.class, m.status()),
                                m.completedOn() == null ? null : LocalDate.parse(m.completedOn()),
                                m.cancellationReason(),
                                m.plannedAt()))
                        .toList();
        return Project.restore(
                id,
                version,
                details,
                new OrganizationRef(leadOrganizationId, leadName, leadCountry),
                code(ProjectStatus.class, status),
                partnerList,
                milestoneList,
                proposedAt,
                activatedAt,
                completedAt,
                cancelledAt,
                cancellationReason);
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
        return Coded.fromCode(type, code)
                .orElseThrow(() -> new IllegalStateException(
                        "Stored " + type.getSimpleName() + " " + code + " is unknown to this version"));
    }
}
