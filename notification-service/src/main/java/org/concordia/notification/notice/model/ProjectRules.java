package org.concordia.notification.notice.model;

import static org.concordia.notification.notice.model.Category.PROJECTS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.notification.recipient.Audience;
import org.jspecify.annotations.Nullable;

/** The rows of {@code project-events}. */
final class ProjectRules {

    private ProjectRules() {}

    private static Notice coordinators(
            String id, String type, String template, Audience audience, Map<String, Object> args, List<String> orgs) {
        return new Notice(id, type, "coordinator", template, PROJECTS, false, audience, args, null, orgs);
    }

    private static Audience partners(String projectId) {
        return new Audience.ProjectPartners(projectId, List.of("coordinator"));
    }

    static List<Notice> on(ProjectProposed e, String id, String type) {
        return List.of(coordinators(
                id,
                type,
                "project.proposed",
                Audience.coordinators(e.leadOrganizationId(), e.title()),
                Args.of("project", e.title(), "lead", e.leadOrganizationName()),
                List.of(e.leadOrganizationId())));
    }

    static List<Notice> on(ProjectActivated e, String id, String type) {
        long partners = e.partners().stream()
                .filter(p ->
                        "accepted".equals(p.status()) && !p.organizationId().equals(e.leadOrganizationId()))
                .count();
        return List.of(coordinators(
                id,
                type,
                "project.activated",
                partners(e.projectId()),
                Args.of(
                        "project",
                        e.title(),
                        "partners",
                        partners,
                        "countries",
                        e.countries().size()),
                List.of(e.leadOrganizationId())));
    }

    static List<Notice> on(PartnerInvited e, String id, String type) {
        return List.of(coordinators(
                id,
                type,
                "partner.invited",
                Audience.coordinators(e.organizationId(), e.title()),
                Args.of("project", e.title(), "lead", e.leadOrganizationName(), "organization", e.organizationName()),
                List.of(e.organizationId(), e.leadOrganizationId())));
    }

    static List<Notice> on(PartnerJoined e, String id, String type) {
        return toLead(id, type, "partner.joined", e.leadOrganizationId(), e.title(), e.organizationName(), null);
    }

    static List<Notice> on(PartnerDeclined e, String id, String type) {
        return toLead(
                id, type, "partner.declined", e.leadOrganizationId(), e.title(), e.organizationName(), e.reason());
    }

    static List<Notice> on(PartnerWithdrawn e, String id, String type) {
        return toLead(
                id, type, "partner.withdrawn", e.leadOrganizationId(), e.title(), e.organizationName(), e.reason());
    }

    private static List<Notice> toLead(
            String id,
            String type,
            String template,
            String lead,
            String project,
            String organization,
            @Nullable String reason) {
        return List.of(coordinators(
                id,
                type,
                template,
                Audience.coordinators(lead, project),
                Args.of("project", project, "organization", organization, "reason", reason),
                List.of(lead)));
    }

    static List<Notice> on(MilestonePlanned e, String id, String type) {
        return milestone(
                id,
                type,
                "milestone.planned",
                e.projectId(),
                e.projectTitle(),
                e.title(),
                e.kind(),
                e.dueDate(),
                null,
                e.hostCity());
    }

    static List<Notice> on(MilestoneRescheduled e, String id, String type) {
        return milestone(
                id,
                type,
                "milestone.rescheduled",
                e.projectId(),
                e.projectTitle(),
                e.title(),
                e.kind(),
                e.dueDate(),
                e.previousDueDate(),
                e.hostCity());
    }

    static List<Notice> on(MilestoneCancelled e, String id, String type) {
        return milestone(
                id,
                type,
                "milestone.cancelled",
                e.projectId(),
                e.projectTitle(),
                e.title(),
                e.kind(),
                e.dueDate(),
                null,
                e.hostCity());
    }

    static List<Notice> on(MilestoneCompleted e, String id, String type) {
        return milestone(
                id,
                type,
                "milestone.completed",
                e.projectId(),
                e.projectTitle(),
                e.title(),
                e.kind(),
                e.completedOn(),
                null,
                null);
    }

    private static List<Notice> milestone(
            String id,
            String type,
            String template,
            String projectId,
            String project,
            String title,
            String kind,
            LocalDate due,
            @Nullable LocalDate previousDue,
            @Nullable String city) {
        return List.of(coordinators(
                id,
                type,
                template,
                partners(projectId),
                Args.of(
                        "project", project,
                        "milestone", title,
                        "kind", kind,
                        "due", due,
                        "previousDue", previousDue,
                        "city", city),
                List.of()));
    }

    static List<Notice> on(ProjectCompleted e, String id, String type) {
        return List.of(coordinators(
                id, type, "project.completed", partners(e.projectId()), Args.of("project", e.title()), List.of()));
    }

    static List<Notice> on(ProjectCancelled e, String id, String type) {
        return List.of(coordinators(
                id,
                type,
                "project.cancelled",
                partners(e.projectId()),
                Args.of("project", e.title(), "reason", e.reason()),
                List.of()));
    }
}
