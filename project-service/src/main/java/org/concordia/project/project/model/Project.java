package org.concordia.project.project.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * An international project: a lead organization, the organizations it invited, milestones, and a lifecycle.
 *
 * <p>The rules, each refused with a message that says why:
 *
 * <ul>
 *   <li>A project is proposed as a draft, becomes active, and ends completed or cancelled. Completed and cancelled
 *       projects do not change any more.
 *   <li>It is <em>international</em>: it can only be activated with at least one accepted partner and with at least
 *       two distinct countries among the lead and its accepted partners.
 *   <li>An organization is in a project once: the lead cannot be invited as a partner, and an organization already
 *       invited or accepted cannot be invited again. One that declined or withdrew may be invited anew.
 *   <li>Only an invited organization accepts or declines; only an accepted partner withdraws. A pending invitation
 *       is withdrawn when its organization is archived.
 *   <li>A milestone's due date lies within the planned period, or up to {@value #DAYS_BEFORE_START} days before its
 *       start (preparation) or {@value #DAYS_AFTER_END} days after its end (final reports); changing the period must
 *       keep the planned milestones within these bounds. Study visits and forums have a host country.
 *   <li>Milestones are completed only while the project is active, on a day that is not in the future; only planned
 *       milestones are rescheduled, completed or cancelled. A project completes once none of its milestones is still
 *       planned.
 * </ul>
 *
 * <p>Repeating a change that has already happened (accepting twice, completing a completed milestone) changes
 * nothing and records no event, so that a retried request is harmless.
 */
public final class Project {

    /** How many days before the planned start a milestone may be due. */
    public static final int DAYS_BEFORE_START = 30;
    /** How many days after the planned end a milestone may be due. */
    public static final int DAYS_AFTER_END = 90;

    private final String id;
    private final @Nullable Long version;
    private ProjectDetails details;
    private OrganizationRef lead;
    private ProjectStatus status;
    private final Partners partners;
    private final Timeline timeline;
    private final Instant proposedAt;
    private @Nullable Instant activatedAt;
    private @Nullable Instant completedAt;
    private @Nullable Instant cancelledAt;
    private @Nullable String cancellationReason;
    private final List<DomainEvent> events = new ArrayList<>();

    private Project(
            String id,
            @Nullable Long version,
            ProjectDetails details,
            OrganizationRef lead,
            ProjectStatus status,
            List<ProjectPartner> partners,
            List<Milestone> milestones,
            Instant proposedAt,
            @Nullable Instant activatedAt,
            @Nullable Instant completedAt,
            @Nullable Instant cancelledAt,
            @Nullable String cancellationReason) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.details = Objects.requireNonNull(details, "details");
        this.lead = Objects.requireNonNull(lead, "lead");
        this.status = Objects.requireNonNull(status, "status");
        this.partners = new Partners(id, partners);
        this.timeline = new Timeline(id, milestones);
        this.proposedAt = Objects.requireNonNull(proposedAt, "proposedAt");
        this.activatedAt = activatedAt;
        this.completedAt = completedAt;
        this.cancelledAt = cancelledAt;
        this.cancellationReason = cancellationReason;
    }

    /** A lead organization proposes a project; it is a draft until activated. */
    public static Project propose(String id, ProjectDetails details, OrganizationRef lead, Clock clock) {
        Instant now = clock.instant();
        Project project = new Project(
                id, null, details, lead, ProjectStatus.DRAFT, List.of(), List.of(), now, null, null, null, null);
        project.events.add(ProjectEvents.proposed(project, now));
        return project;
    }

    /** A project as it was stored, recording no events. */
    public static Project restore(
            String id,
            Long version,
            ProjectDetails details,
            OrganizationRef lead,
            ProjectStatus status,
            List<ProjectPartner> partners,
            List<Milestone> milestones,
            Instant proposedAt,
            @Nullable Instant activatedAt,
            @Nullable Instant completedAt,
            @Nullable Instant cancelledAt,
            @Nullable String cancellationReason) {
        return new Project(
                id,
                version,
                details,
                lead,
                status,
                partners,
                milestones,
                proposedAt,
                activatedAt,
                completedAt,
                cancelledAt,
                cancellationReason);
    }

    // ---- details -------------------------------------------------------------------------------------------------

    /** @return whether anything changed */
    public boolean changeDetails(ProjectDetails newDetails, Clock clock) {
        requireOpen();
        if (newDetails.equals(details)) {
            return false;
        }
        timeline.requireFits(newDetails);
        details = newDetails;
        events.add(ProjectEvents.detailsChanged(this, nextVersion(), clock.instant()));
        return true;
    }

    // ---- partners ------------------------------------------------------------------------------------------------

    /**
     * Invites an organization, which must not lead the project nor be invited or a partner already.
     *
     * @throws ConflictException when it is invited or a partner already
     */
    public ProjectPartner invite(OrganizationRef organization, PartnerRole role, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        ProjectPartner invited = partners.invite(organization, role, lead, now);
        events.add(ProjectEvents.invited(this, invited, now));
        return invited;
    }

    /** The invited organization accepts and becomes a partner. @return whether anything changed */
    public boolean accept(String organizationId, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        Optional<ProjectPartner> accepted = partners.answer(organizationId, PartnerStatus.ACCEPTED, null, now);
        accepted.ifPresent(partner -> events.add(ProjectEvents.joined(this, partner, now)));
        return accepted.isPresent();
    }

    /** The invited organization declines. @return whether anything changed */
    public boolean decline(String organizationId, @Nullable String reason, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        Optional<ProjectPartner> declined =
                partners.answer(organizationId, PartnerStatus.DECLINED, reason(reason), now);
        declined.ifPresent(partner -> events.add(ProjectEvents.declined(this, partner, now)));
        return declined.isPresent();
    }

    /** An accepted partner leaves the project. @return whether anything changed */
    public boolean withdraw(String organizationId, @Nullable String reason, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        Optional<ProjectPartner> withdrawn = partners.withdraw(organizationId, reason(reason), now);
        withdrawn.ifPresent(partner -> events.add(ProjectEvents.withdrawn(this, partner, now)));
        return withdrawn.isPresent();
    }

    /**
     * Withdraws a pending invitation, for instance because its organization was archived. Does nothing when the
     * organization is not invited (any more) or the project has ended, so that repeating it is harmless.
     *
     * @return whether anything changed
     */
    public boolean withdrawInvitation(String organizationId, String reason, Clock clock) {
        if (isEnded()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<ProjectPartner> withdrawn = partners.withdrawInvitation(organizationId, reason(reason), now);
        withdrawn.ifPresent(partner -> events.add(ProjectEvents.withdrawn(this, partner, now)));
        return withdrawn.isPresent();
    }

    /**
     * Takes in an organization's current name and country, where the project names it. Ended projects keep the names
     * they ended with. Records no event: it is the organization that changed, not the project.
     *
     * @return whether anything changed
     */
    public boolean refresh(OrganizationRef organization) {
        if (isEnded()) {
            return false;
        }
        boolean changed = false;
        if (lead.id().equals(organization.id()) && !lead.equals(organization)) {
            lead = organization;
            changed = true;
        }
        return partners.refresh(organization) || changed;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** The draft starts running, if it is international. @return whether anything changed */
    public boolean activate(Clock clock) {
        if (status == ProjectStatus.ACTIVE) {
            return false;
        }
        requireOpen();
        List<ProjectPartner> accepted = acceptedPartners();
        if (accepted.isEmpty()) {
            throw new RuleViolationException(
                    "A project is activated once at least one invited partner has accepted;" + " none has yet");
        }
        List<String> countries = countries();
        if (countries.size() < 2) {
            throw new RuleViolationException("A project is international: the lead and its accepted partners must come"
                    + " from at least two countries, but all of them are from " + countries.get(0)
                    + "; invite a partner from another country");
        }
        Instant now = clock.instant();
        status = ProjectStatus.ACTIVE;
        activatedAt = now;
        events.add(ProjectEvents.activated(this, now));
        return true;
    }

    /** The active project ended as planned. @return whether anything changed */
    public boolean complete(Clock clock) {
        if (status == ProjectStatus.COMPLETED) {
            return false;
        }
        requireOpen();
        if (status != ProjectStatus.ACTIVE) {
            throw new RuleViolationException("Only an active project can be completed; this one is " + status);
        }
        List<String> open = timeline.stillPlanned();
        if (!open.isEmpty()) {
            throw new RuleViolationException("Complete or cancel the milestones still planned before completing the"
                    + " project: " + String.join(", ", open));
        }
        Instant now = clock.instant();
        status = ProjectStatus.COMPLETED;
        completedAt = now;
        events.add(new ProjectCompleted(id, details.title(), countries(), now));
        return true;
    }

    /** The draft or active project stops. @return whether anything changed */
    public boolean cancel(@Nullable String reason, Clock clock) {
        if (status == ProjectStatus.CANCELLED) {
            return false;
        }
        requireOpen();
        Instant now = clock.instant();
        status = ProjectStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason(reason);
        events.add(new ProjectCancelled(id, details.title(), cancellationReason, now));
        return true;
    }

    // ---- milestones ----------------------------------------------------------------------------------------------

    /** @throws ConflictException when a milestone with this id exists already */
    public Milestone planMilestone(
            String milestoneId,
            MilestoneKind kind,
            String title,
            @Nullable String hostCountry,
            @Nullable String hostCity,
            LocalDate dueDate,
            Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        Milestone m = timeline.plan(milestoneId, kind, title, hostCountry, hostCity, dueDate, details, now);
        events.add(ProjectEvents.planned(this, m, now));
        return m;
    }

    /** @return whether anything changed */
    public boolean rescheduleMilestone(String milestoneId, LocalDate dueDate, Clock clock) {
        requireOpen();
        Optional<Milestone> before = timeline.reschedule(milestoneId, dueDate, details);
        before.ifPresent(m -> events.add(ProjectEvents.rescheduled(this, m, dueDate, clock.instant())));
        return before.isPresent();
    }

    /**
     * @param completedOn the day it was reached; today (UTC) when {@code null}
     * @return whether anything changed
     */
    public boolean completeMilestone(String milestoneId, @Nullable LocalDate completedOn, Clock clock) {
        requireOpen();
        Instant now = clock.instant();
        Optional<Milestone> completed = timeline.complete(milestoneId, completedOn, status, now);
        completed.ifPresent(m -> events.add(ProjectEvents.completed(this, m, now)));
        return completed.isPresent();
    }

    /**
     * Cancels a planned milestone, recording {@code MilestoneCancelled} with what its invitees need to know: the
     * milestone's kind, title, host and due date, and the reason.
     *
     * @return whether anything changed
     */
    public boolean cancelMilestone(String milestoneId, @Nullable String reason, Clock clock) {
        requireOpen();
        Optional<Milestone> cancelled = timeline.cancel(milestoneId, reason(reason));
        cancelled.ifPresent(m -> events.add(ProjectEvents.cancelled(this, m, clock.instant())));
        return cancelled.isPresent();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public @Nullable Long version() {
        return version;
    }

    public ProjectDetails details() {
        return details;
    }

    public OrganizationRef lead() {
        return lead;
    }

    public ProjectStatus status() {
        return status;
    }

    public boolean isEnded() {
        return status == ProjectStatus.COMPLETED || status == ProjectStatus.CANCELLED;
    }

    /** In the order they were first invited. */
    public List<ProjectPartner> partners() {
        return partners.all();
    }

    public Optional<ProjectPartner> partner(String organizationId) {
        return partners.find(organizationId);
    }

    public List<ProjectPartner> acceptedPartners() {
        return partners.accepted();
    }

    /** ISO codes of the lead's and the accepted partners' countries, sorted, each once. */
    public List<String> countries() {
        return partners.countries(lead);
    }

    /** The lead and every organization invited or accepted: who takes part, or is asked to. */
    public List<String> participantIds() {
        List<String> ids = new ArrayList<>();
        ids.add(lead.id());
        partners.all().stream()
                .filter(p -> p.status() == PartnerStatus.INVITED || p.status() == PartnerStatus.ACCEPTED)
                .forEach(p -> ids.add(p.organizationId()));
        return ids;
    }

    /** Organizations whose invitation awaits an answer. */
    public List<String> invitedIds() {
        return partners.invited().stream().map(ProjectPartner::organizationId).toList();
    }

    /** As stored, in the order they were planned. */
    public List<Milestone> milestones() {
        return timeline.asPlanned();
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return timeline.find(milestoneId);
    }

    /** Milestones by date (the day reached, else the day due), then title and id, so the order is stable. */
    public List<Milestone> timeline() {
        return timeline.inOrder();
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public @Nullable Instant activatedAt() {
        return activatedAt;
    }

    public @Nullable Instant completedAt() {
        return completedAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }

    /** The events recorded since the project was proposed or restored; hands them over once. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    // ---- rules ---------------------------------------------------------------------------------------------------

    private void requireOpen() {
        if (isEnded()) {
            throw new RuleViolationException("Project \"" + details.title() + "\" is " + status
                    + "; completed and cancelled projects do not" + " change any more");
        }
    }

    private long nextVersion() {
        return version == null ? 1 : version + 1;
    }

    private static @Nullable String reason(@Nullable String reason) {
        String text = blankToNull(reason);
        if (text != null && text.length() > Limits.REASON) {
            throw new RuleViolationException("reason must be at most " + Limits.REASON + " characters", "reason");
        }
        return text;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
