package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.concordia.project.project.model.Funding;
import org.concordia.project.project.model.Milestone;
import org.concordia.project.project.model.OrganizationRef;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectPartner;

/** What the API shows of projects, partners and milestones. */
final class Views {

    private Views() {}

    @Schema(description = "An organization as the project names it")
    record OrganizationView(String organizationId, String name, String country) {
        static OrganizationView of(OrganizationRef organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.country());
        }
    }

    record FundingView(String programme, BigDecimal amount, String currency) {
        static FundingView of(Funding funding) {
            return funding == null ? null : new FundingView(funding.programme(), funding.amount(), funding.currency());
        }
    }

    @Schema(description = "An invited organization with its role and answer")
    record PartnerView(
            String organizationId,
            String name,
            String country,
            @Schema(description = "partner or associate") String role,

            @Schema(description = "invited, accepted, declined or withdrawn")
            String status,

            Instant invitedAt,
            Instant answeredAt,
            String reason) {
        static PartnerView of(ProjectPartner partner) {
            OrganizationRef org = partner.organization();
            return new PartnerView(
                    org.id(),
                    org.name(),
                    org.country(),
                    partner.role().code(),
                    partner.status().code(),
                    partner.invitedAt(),
                    partner.answeredAt(),
                    partner.reason());
        }
    }

    @Schema(description = "A milestone of a project")
    record MilestoneView(
            String id,
            String projectId,

            @Schema(description = "study_visit, forum, publication, report or other")
            String kind,

            String title,
            String hostCountry,
            String hostCity,
            LocalDate dueDate,

            @Schema(description = "planned, completed or cancelled")
            String status,

            LocalDate completedOn,
            String cancellationReason) {
        static MilestoneView of(String projectId, Milestone milestone) {
            return new MilestoneView(
                    milestone.id(),
                    projectId,
                    milestone.kind().code(),
                    milestone.title(),
                    milestone.hostCountry(),
                    milestone.hostCity(),
                    milestone.dueDate(),
                    milestone.status().code(),
                    milestone.completedOn(),
                    milestone.cancellationReason());
        }
    }

    @Schema(description = "A project with its partners and its milestones in date order")
    record ProjectView(
            String id,
            String title,
            String summary,
            List<String> goals,
            OrganizationView lead,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            FundingView funding,

            @Schema(description = "draft, active, completed or cancelled")
            String status,

            @Schema(description = "The lead's and accepted partners' countries, sorted")
            List<String> countries,

            List<PartnerView> partners,
            List<MilestoneView> milestones,
            Instant proposedAt,
            Instant activatedAt,
            Instant completedAt,
            Instant cancelledAt,
            String cancellationReason,
            long version) {
        static ProjectView of(Project project) {
            return new ProjectView(
                    project.id(),
                    project.details().title(),
                    project.details().summary(),
                    project.details().goals(),
                    OrganizationView.of(project.lead()),
                    project.details().plannedStart(),
                    project.details().plannedEnd(),
                    FundingView.of(project.details().funding()),
                    project.status().code(),
                    project.countries(),
                    project.partners().stream().map(PartnerView::of).toList(),
                    project.timeline().stream()
                            .map(m -> MilestoneView.of(project.id(), m))
                            .toList(),
                    project.proposedAt(),
                    project.activatedAt(),
                    project.completedAt(),
                    project.cancelledAt(),
                    project.cancellationReason(),
                    Views.version(project));
        }
    }

    @Schema(description = "A project in a list")
    record ProjectSummaryView(
            String id,
            String title,
            OrganizationView lead,
            String status,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            List<String> countries,
            int acceptedPartners,
            long version) {
        static ProjectSummaryView of(Project project) {
            return new ProjectSummaryView(
                    project.id(),
                    project.details().title(),
                    OrganizationView.of(project.lead()),
                    project.status().code(),
                    project.details().plannedStart(),
                    project.details().plannedEnd(),
                    project.countries(),
                    project.acceptedPartners().size(),
                    Views.version(project));
        }
    }

    @Schema(description = "A project's milestones by date: the day reached, else the day due")
    record TimelineView(
            String projectId,
            String title,
            String status,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            List<MilestoneView> milestones) {
        static TimelineView of(Project project) {
            return new TimelineView(
                    project.id(),
                    project.details().title(),
                    project.status().code(),
                    project.details().plannedStart(),
                    project.details().plannedEnd(),
                    project.timeline().stream()
                            .map(m -> MilestoneView.of(project.id(), m))
                            .toList());
        }
    }

    static long version(Project project) {
        return project.version() == null ? 0 : project.version();
    }
}
