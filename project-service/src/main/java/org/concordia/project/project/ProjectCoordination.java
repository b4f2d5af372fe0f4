package org.concordia.project.project;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.concordia.platform.application.Changes;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.project.model.Milestone;
import org.concordia.project.project.model.MilestoneKind;
import org.concordia.project.project.model.OrganizationRef;
import org.concordia.project.project.model.PartnerRole;
import org.concordia.project.project.model.PartnerStatus;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectDetails;
import org.concordia.project.project.model.ProjectPartner;
import org.concordia.project.project.model.ProjectSearch;
import org.concordia.project.project.model.Projects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * What coordinators do with projects: propose them, change their details, invite partners and record their
 * answers, plan and reach milestones, and move them through their lifecycle. Organizations are checked against the
 * directory this service learnt from {@code organization-events}.
 *
 * <p>Each change reads the project, applies the domain rule and writes the project with its events, the platform's
 * way ({@link Changes}): a stale {@code If-Match} is refused; without one, a change that lost a race with another
 * writer is applied again to the new state, a few times.
 */
@Service
public class ProjectCoordination {

    private final Projects projects;
    private final Changes<Project> changes;
    private final OrganizationDirectory directory;
    private final Clock clock;

    public ProjectCoordination(Projects projects, OrganizationDirectory directory, Clock clock) {
        this.projects = projects;
        this.changes = Changes.of("Project", projects::byId, Project::version, projects::update);
        this.directory = directory;
        // stored instants keep milliseconds; so do the ones a response shows right after a write
        this.clock = Clock.tick(clock, Duration.ofMillis(1));
    }

    /**
     * Proposes a project under the given id; a second call with the same id (a retried request) returns the first
     * result and records nothing.
     */
    public Created<Project> propose(String id, ProjectDetails details, String leadOrganizationId) {
        Optional<Project> existing = projects.byId(id);
        if (existing.isPresent()) {
            return Created.existing(existing.get());
        }
        OrganizationRef lead = takingPart(leadOrganizationId, "leadOrganizationId");
        Project project = Project.propose(id, details, lead, clock);
        try {
            return Created.created(projects.add(project));
        } catch (DuplicateKeyException raced) {
            return Created.existing(projects.byId(id).orElseThrow(() -> raced));
        }
    }

    public Project get(String id) {
        return projects.byId(id).orElseThrow(() -> new NotFoundException("Project", id));
    }

    public Page<Project> search(ProjectSearch search, int page, int size) {
        return Paging.page(
                page, size, projects.count(search), (offset, limit) -> projects.search(search, offset, limit));
    }

    /** Applies a change to the project's details (a replacement or a patch of the current ones). */
    public Project changeDetails(String id, ExpectedVersion expected, UnaryOperator<ProjectDetails> change) {
        return change(id, expected, project -> project.changeDetails(change.apply(project.details()), clock));
    }

    /**
     * Invites an organization known to the directory and not archived.
     *
     * @param retry whether the request carries an {@code Idempotency-Key}: then an organization already invited with
     *     the same role is the first attempt's result rather than a conflict
     */
    public Created<ProjectWith<ProjectPartner>> invite(
            String id, ExpectedVersion expected, String organizationId, PartnerRole role, boolean retry) {
        if (retry) {
            Project current = get(id);
            Optional<ProjectPartner> earlier = current.partner(organizationId)
                    .filter(p -> p.status() == PartnerStatus.INVITED && p.role() == role);
            if (earlier.isPresent()) {
                return Created.existing(new ProjectWith<>(current, earlier.get()));
            }
        }
        OrganizationRef organization = takingPart(organizationId, "organizationId");
        Project project = change(id, expected, p -> {
            p.invite(organization, role, clock);
            return true;
        });
        return Created.created(new ProjectWith<>(project, partnerOf(project, organizationId)));
    }

    public ProjectWith<ProjectPartner> accept(String id, ExpectedVersion expected, String organizationId) {
        Optional<KnownOrganization> known = directory.find(organizationId);
        if (known.isPresent() && known.get().archived()) {
            throw new RuleViolationException(
                    known.get().name() + " is archived and takes part in no new projects", "organizationId");
        }
        Project project = change(id, expected, p -> p.accept(organizationId, clock));
        return new ProjectWith<>(project, partnerOf(project, organizationId));
    }

    public ProjectWith<ProjectPartner> decline(
            String id, ExpectedVersion expected, String organizationId, @Nullable String reason) {
        Project project = change(id, expected, p -> p.decline(organizationId, reason, clock));
        return new ProjectWith<>(project, partnerOf(project, organizationId));
    }

    public ProjectWith<ProjectPartner> withdraw(
            String id, ExpectedVersion expected, String organizationId, @Nullable String reason) {
        Project project = change(id, expected, p -> p.withdraw(organizationId, reason, clock));
        return new ProjectWith<>(project, partnerOf(project, organizationId));
    }

    public Project activate(String id, ExpectedVersion expected) {
        return change(id, expected, p -> p.activate(clock));
    }

    public Project complete(String id, ExpectedVersion expected) {
        return change(id, expected, p -> p.complete(clock));
    }

    public Project cancel(String id, ExpectedVersion expected, @Nullable String reason) {
        return change(id, expected, p -> p.cancel(reason, clock));
    }

    /**
     * Plans a milestone under the given id; with {@code retry} (an {@code Idempotency-Key}), a milestone that exists
     * under this id is the first attempt's result.
     */
    public Created<ProjectWith<Milestone>> planMilestone(
            String id,
            ExpectedVersion expected,
            String milestoneId,
            MilestoneKind kind,
            String title,
            @Nullable String hostCountry,
            @Nullable String hostCity,
            LocalDate dueDate,
            boolean retry) {
        if (retry) {
            Project current = get(id);
            Optional<Milestone> earlier = current.milestone(milestoneId);
            if (earlier.isPresent()) {
                return Created.existing(new ProjectWith<>(current, earlier.get()));
            }
        }
        Project project = change(id, expected, p -> {
            p.planMilestone(milestoneId, kind, title, hostCountry, hostCity, dueDate, clock);
            return true;
        });
        return Created.created(new ProjectWith<>(project, milestoneOf(project, milestoneId)));
    }

    public ProjectWith<Milestone> rescheduleMilestone(
            String id, ExpectedVersion expected, String milestoneId, LocalDate dueDate) {
        return withMilestone(
                change(id, expected, p -> p.rescheduleMilestone(milestoneId, dueDate, clock)), milestoneId);
    }

    public ProjectWith<Milestone> completeMilestone(
            String id, ExpectedVersion expected, String milestoneId, @Nullable LocalDate completedOn) {
        return withMilestone(
                change(id, expected, p -> p.completeMilestone(milestoneId, completedOn, clock)), milestoneId);
    }

    public ProjectWith<Milestone> cancelMilestone(
            String id, ExpectedVersion expected, String milestoneId, @Nullable String reason) {
        return withMilestone(change(id, expected, p -> p.cancelMilestone(milestoneId, reason, clock)), milestoneId);
    }

    /**
     * Withdraws the organization's pending invitations in every project still open, each with its
     * {@code PartnerWithdrawn}. Projects where it is not invited any more are left alone, so repeating this
     * publishes nothing new.
     *
     * @return how many invitations were withdrawn
     */
    public int withdrawInvitationsOf(String organizationId, String reason) {
        int withdrawn = 0;
        for (String projectId : projects.openWithPendingInvitationOf(organizationId)) {
            boolean[] changed = {false};
            change(
                    projectId,
                    ExpectedVersion.any(),
                    p -> changed[0] = p.withdrawInvitation(organizationId, reason, clock));
            withdrawn += changed[0] ? 1 : 0;
        }
        return withdrawn;
    }

    /** Takes in an organization's new name or country in the open projects that name it. */
    public void refresh(OrganizationRef organization) {
        for (String projectId : projects.openNaming(organization.id())) {
            change(projectId, ExpectedVersion.any(), p -> p.refresh(organization));
        }
    }

    /** A project together with the part of it a request was about. */
    public record ProjectWith<T>(Project project, T part) {}

    // ------------------------------------------------------------------------------------------------------------

    private Project change(String id, ExpectedVersion expected, Predicate<Project> mutation) {
        return changes.apply(id, expected, mutation);
    }

    /** An organization the directory knows and that is not archived, as the project will name it. */
    private OrganizationRef takingPart(String organizationId, String field) {
        KnownOrganization organization = directory
                .find(organizationId)
                .orElseThrow(() -> new RuleViolationException(
                        "Organization " + organizationId + " is not known to project-service, which learns"
                                + " organizations from organization-events; register it in organization-service, or"
                                + " retry in a moment if it was registered just now",
                        field));
        if (organization.archived() || organization.country() == null) {
            throw new RuleViolationException(
                    organization.name() + " is archived and takes part in no new projects", field);
        }
        return new OrganizationRef(organization.id(), organization.name(), organization.country());
    }

    private static ProjectPartner partnerOf(Project project, String organizationId) {
        return project.partner(organizationId).orElseThrow();
    }

    private static Milestone milestoneOf(Project project, String milestoneId) {
        return project.milestone(milestoneId).orElseThrow();
    }

    private static ProjectWith<Milestone> withMilestone(Project project, String milestoneId) {
        return new ProjectWith<>(project, milestoneOf(project, milestoneId));
    }
}
