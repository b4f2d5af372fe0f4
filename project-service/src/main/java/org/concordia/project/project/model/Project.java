package org.concordia.project.project.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;
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

    private static final String LEAD_ROLE = "lead";
    private static final String ACCEPTED = "accepted";

    private final String id;
    private final @Nullable Long version;
    private ProjectDetails details;
    private OrganizationRef lead;
    private ProjectStatus status;
    private final List<ProjectPartner> partners;
    private final List<Milestone> milestones;
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
        this.partners = new ArrayList<>(partners);
        this.milestones = new ArrayList<>(milestones);
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
        project.events.add(new ProjectProposed(
                id,
                details.title(),
                details.summary(),
                details.goals(),
                lead.id(),
                lead.name(),
                lead.country(),
                details.plannedStart(),
                details.plannedEnd(),
                contractFunding(details.funding()),
                now));
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
        List<String> outside = milestones.stream()
                .filter(m -> m.status() == MilestoneStatus.PLANNED)
                .filter(m -> !withinBounds(m.dueDate(), newDetails))
                .map(m -> "\"" + m.title() + "\" (" + m.dueDate() + ")")
                .toList();
        if (!outside.isEmpty()) {
            throw new RuleViolationException(
                    "The new period " + newDetails.plannedStart() + " to " + newDetails.plannedEnd()
                            + " would leave planned milestones outside it: " + String.join(", ", outside)
                            + "; reschedule them first",
                    "plannedStart");
        }
        details = newDetails;
        events.add(new ProjectDetailsChanged(
                id,
                details.title(),
                details.summary(),
                details.goals(),
                lead.id(),
                lead.name(),
                lead.country(),
                details.plannedStart(),
                details.plannedEnd(),
                contractFunding(details.funding()),
                nextVersion(),
                clock.instant()));
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
        if (organization.id().equals(lead.id())) {
            throw new RuleViolationException(
                    lead.name() + " leads this project and cannot be invited as a partner of it", "organizationId");
        }
        Instant now = clock.instant();
        Optional<ProjectPartner> existing = partner(organization.id());
        ProjectPartner invited;
        if (existing.isPresent()) {
            ProjectPartner current = existing.get();
            if (current.status() == PartnerStatus.INVITED || current.status() == PartnerStatus.ACCEPTED) {
                throw new ConflictException(
                        organization.name() + " is "
                                + (current.status() == PartnerStatus.INVITED
                                        ? "invited to this project already"
                                        : "a partner of this project already"),
                        "organizationId");
            }
            invited = current.reinvited(organization, role, now);
            replace(invited);
        } else {
            invited = new ProjectPartner(organization, role, PartnerStatus.INVITED, now, null, null);
            partners.add(invited);
        }
        events.add(new PartnerInvited(
                id,
                details.title(),
                organization.id(),
                organization.name(),
                organization.country(),
                role.code(),
                lead.id(),
                lead.name(),
                now));
        return invited;
    }

    /** The invited organization accepts and becomes a partner. @return whether anything changed */
    public boolean accept(String organizationId, Clock clock) {
        requireOpen();
        ProjectPartner partner = requirePartner(organizationId);
        if (partner.status() == PartnerStatus.ACCEPTED) {
            return false;
        }
        requireStatus(partner, PartnerStatus.INVITED, "accept");
        Instant now = clock.instant();
        ProjectPartner accepted = partner.answered(PartnerStatus.ACCEPTED, now, null);
        replace(accepted);
        OrganizationRef org = accepted.organization();
        events.add(new PartnerJoined(
                id,
                details.title(),
                org.id(),
                org.name(),
                org.country(),
                accepted.role().code(),
                lead.id(),
                lead.name(),
                now));
        return true;
    }

    /** The invited organization declines. @return whether anything changed */
    public boolean decline(String organizationId, @Nullable String reason, Clock clock) {
        requireOpen();
        ProjectPartner partner = requirePartner(organizationId);
        if (partner.status() == PartnerStatus.DECLINED) {
            return false;
        }
        requireStatus(partner, PartnerStatus.INVITED, "decline");
        Instant now = clock.instant();
        String why = reason(reason);
        ProjectPartner declined = partner.answered(PartnerStatus.DECLINED, now, why);
        replace(declined);
        OrganizationRef org = declined.organization();
        events.add(new PartnerDeclined(
                id,
                details.title(),
                org.id(),
                org.name(),
                org.country(),
                declined.role().code(),
                why,
                lead.id(),
                lead.name(),
                now));
        return true;
    }

    /** An accepted partner leaves the project. @return whether anything changed */
    public boolean withdraw(String organizationId, @Nullable String reason, Clock clock) {
        requireOpen();
        ProjectPartner partner = requirePartner(organizationId);
        if (partner.status() == PartnerStatus.WITHDRAWN) {
            return false;
        }
        requireStatus(partner, PartnerStatus.ACCEPTED, "withdraw");
        markWithdrawn(partner, reason(reason), clock);
        return true;
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
        Optional<ProjectPartner> partner = partner(organizationId);
        if (partner.isEmpty() || partner.get().status() != PartnerStatus.INVITED) {
            return false;
        }
        markWithdrawn(partner.get(), reason(reason), clock);
        return true;
    }

    private void markWithdrawn(ProjectPartner partner, @Nullable String reason, Clock clock) {
        Instant now = clock.instant();
        ProjectPartner withdrawn = partner.answered(PartnerStatus.WITHDRAWN, now, reason);
        replace(withdrawn);
        OrganizationRef org = withdrawn.organization();
        events.add(new PartnerWithdrawn(
                id,
                details.title(),
                org.id(),
                org.name(),
                org.country(),
                withdrawn.role().code(),
                reason,
                lead.id(),
                lead.name(),
                now));
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
        Optional<ProjectPartner> partner = partner(organization.id());
        if (partner.isPresent() && !partner.get().organization().equals(organization)) {
            replace(partner.get().known(organization));
            changed = true;
        }
        return changed;
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
        List<Partner> everyone = new ArrayList<>();
        everyone.add(new Partner(lead.id(), lead.name(), lead.country(), LEAD_ROLE, ACCEPTED));
        for (ProjectPartner partner : partners) {
            OrganizationRef org = partner.organization();
            everyone.add(new Partner(
                    org.id(),
                    org.name(),
                    org.country(),
                    partner.role().code(),
                    partner.status().code()));
        }
        events.add(new ProjectActivated(id, details.title(), lead.id(), everyone, countries, now));
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
        List<String> open = milestones.stream()
                .filter(m -> m.status() == MilestoneStatus.PLANNED)
                .sorted(TIMELINE)
                .map(m -> "\"" + m.title() + "\"")
                .toList();
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
        if (milestone(milestoneId).isPresent()) {
            throw new ConflictException("Milestone " + milestoneId + " exists already", "milestoneId");
        }
        String name = title.strip();
        if (name.isEmpty() || name.length() > Limits.TITLE) {
            throw new RuleViolationException("title must be 1 to " + Limits.TITLE + " characters", "title");
        }
        String country = StandardCodes.normalized(blankToNull(hostCountry));
        String city = blankToNull(hostCity);
        if (country != null && !StandardCodes.isCountry(country)) {
            throw new RuleViolationException(
                    "hostCountry must be an ISO 3166-1 alpha-2 country code such as AT or CZ", "hostCountry");
        }
        if (country == null && (kind == MilestoneKind.STUDY_VISIT || kind == MilestoneKind.FORUM)) {
            throw new RuleViolationException(
                    "A " + kind.code().replace('_', ' ') + " takes place somewhere: give its" + " hostCountry",
                    "hostCountry");
        }
        if (city != null && country == null) {
            throw new RuleViolationException("hostCity needs a hostCountry", "hostCountry");
        }
        if (city != null && city.length() > Limits.CITY) {
            throw new RuleViolationException("hostCity must be at most " + Limits.CITY + " characters", "hostCity");
        }
        requireWithinBounds(dueDate);
        Instant now = clock.instant();
        Milestone milestone = new Milestone(
                milestoneId, kind, name, country, city, dueDate, MilestoneStatus.PLANNED, null, null, now);
        milestones.add(milestone);
        events.add(
                new MilestonePlanned(id, details.title(), milestoneId, kind.code(), name, country, city, dueDate, now));
        return milestone;
    }

    /** @return whether anything changed */
    public boolean rescheduleMilestone(String milestoneId, LocalDate dueDate, Clock clock) {
        requireOpen();
        Milestone milestone = requireMilestone(milestoneId);
        requirePlanned(milestone, "rescheduled");
        if (milestone.dueDate().equals(dueDate)) {
            return false;
        }
        requireWithinBounds(dueDate);
        Milestone rescheduled = milestone.rescheduled(dueDate);
        replace(rescheduled);
        events.add(new MilestoneRescheduled(
                id,
                details.title(),
                milestoneId,
                milestone.kind().code(),
                milestone.title(),
                milestone.hostCountry(),
                milestone.hostCity(),
                dueDate,
                milestone.dueDate(),
                clock.instant()));
        return true;
    }

    /**
     * @param completedOn the day it was reached; today (UTC) when {@code null}
     * @return whether anything changed
     */
    public boolean completeMilestone(String milestoneId, @Nullable LocalDate completedOn, Clock clock) {
        requireOpen();
        Milestone milestone = requireMilestone(milestoneId);
        if (milestone.status() == MilestoneStatus.COMPLETED) {
            return false;
        }
        requirePlanned(milestone, "completed");
        if (status != ProjectStatus.ACTIVE) {
            throw new RuleViolationException(
                    "Milestones are completed while the project is active; this one is " + status);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate on = completedOn != null ? completedOn : today;
        if (on.isAfter(today)) {
            throw new RuleViolationException(
                    "completedOn " + on + " is in the future; a milestone is completed once it has been reached",
                    "completedOn");
        }
        Milestone completed = milestone.completed(on);
        replace(completed);
        events.add(new MilestoneCompleted(
                id, details.title(), milestoneId, milestone.kind().code(), milestone.title(), on, clock.instant()));
        return true;
    }

    /**
     * Cancels a planned milestone, recording {@code MilestoneCancelled} with what its invitees need to know: the
     * milestone's kind, title, host and due date, and the reason.
     *
     * @return whether anything changed
     */
    public boolean cancelMilestone(String milestoneId, @Nullable String reason, Clock clock) {
        requireOpen();
        Milestone milestone = requireMilestone(milestoneId);
        if (milestone.status() == MilestoneStatus.CANCELLED) {
            return false;
        }
        requirePlanned(milestone, "cancelled");
        Milestone cancelled = milestone.cancelled(reason(reason));
        replace(cancelled);
        events.add(new MilestoneCancelled(
                id,
                details.title(),
                milestoneId,
                milestone.kind().code(),
                milestone.title(),
                milestone.hostCountry(),
                milestone.hostCity(),
                milestone.dueDate(),
                cancelled.cancellationReason(),
                clock.instant()));
        return true;
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
        return List.copyOf(partners);
    }

    public Optional<ProjectPartner> partner(String organizationId) {
        return partners.stream()
                .filter(p -> p.organizationId().equals(organizationId))
                .findFirst();
    }

    public List<ProjectPartner> acceptedPartners() {
        return partners.stream()
                .filter(p -> p.status() == PartnerStatus.ACCEPTED)
                .toList();
    }

    /** ISO codes of the lead's and the accepted partners' countries, sorted, each once. */
    public List<String> countries() {
        TreeSet<String> countries = new TreeSet<>();
        countries.add(lead.country());
        acceptedPartners().forEach(p -> countries.add(p.organization().country()));
        return List.copyOf(countries);
    }

    /** The lead and every organization invited or accepted: who takes part, or is asked to. */
    public List<String> participantIds() {
        List<String> ids = new ArrayList<>();
        ids.add(lead.id());
        partners.stream()
                .filter(p -> p.status() == PartnerStatus.INVITED || p.status() == PartnerStatus.ACCEPTED)
                .forEach(p -> ids.add(p.organizationId()));
        return ids;
    }

    /** Organizations whose invitation awaits an answer. */
    public List<String> invitedIds() {
        return partners.stream()
                .filter(p -> p.status() == PartnerStatus.INVITED)
                .map(ProjectPartner::organizationId)
                .collect(Collectors.toList());
    }

    /** As stored, in the order they were planned. */
    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    /** Milestones by date (the day reached, else the day due), then title and id, so the order is stable. */
    public List<Milestone> timeline() {
        return milestones.stream().sorted(TIMELINE).toList();
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

    private static final Comparator<Milestone> TIMELINE = Comparator.comparing(Milestone::date)
            .thenComparing(Milestone::title)
            .thenComparing(Milestone::id);

    private void requireOpen() {
        if (isEnded()) {
            throw new RuleViolationException("Project \"" + details.title() + "\" is " + status
                    + "; completed and cancelled projects do not" + " change any more");
        }
    }

    private ProjectPartner requirePartner(String organizationId) {
        return partner(organizationId)
                .orElseThrow(() ->
                        new NotFoundException("Invitation of organization", organizationId + " to project " + id));
    }

    private static void requireStatus(ProjectPartner partner, PartnerStatus expected, String action) {
        if (partner.status() != expected) {
            String who = partner.organization().name();
            throw new RuleViolationException(
                    expected == PartnerStatus.INVITED
                            ? "Only an invited organization can " + action + "; " + who + " has " + partner.status()
                                    + (partner.status() == PartnerStatus.INVITED ? "" : " already")
                            : "Only an accepted partner can " + action + "; " + who + " " + describe(partner));
        }
    }

    private static String describe(ProjectPartner partner) {
        return partner.status() == PartnerStatus.INVITED
                ? "is invited and has not accepted yet"
                : "declined the invitation";
    }

    private Milestone requireMilestone(String milestoneId) {
        return milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("Milestone", milestoneId + " of project " + id));
    }

    private static void requirePlanned(Milestone milestone, String what) {
        if (milestone.status() != MilestoneStatus.PLANNED) {
            throw new RuleViolationException("Only a planned milestone can be " + what + "; \"" + milestone.title()
                    + "\" is " + milestone.status());
        }
    }

    private void requireWithinBounds(LocalDate dueDate) {
        if (!withinBounds(dueDate, details)) {
            throw new RuleViolationException(
                    "dueDate " + dueDate + " is too far from the project's period " + details.plannedStart() + " to "
                            + details.plannedEnd() + ": a milestone is due from " + earliest(details) + " to "
                            + latest(details),
                    "dueDate");
        }
    }

    private static boolean withinBounds(LocalDate dueDate, ProjectDetails period) {
        return !dueDate.isBefore(earliest(period)) && !dueDate.isAfter(latest(period));
    }

    private static LocalDate earliest(ProjectDetails period) {
        return period.plannedStart().minusDays(DAYS_BEFORE_START);
    }

    private static LocalDate latest(ProjectDetails period) {
        return period.plannedEnd().plusDays(DAYS_AFTER_END);
    }

    private long nextVersion() {
        return version == null ? 1 : version + 1;
    }

    private void replace(ProjectPartner partner) {
        for (int i = 0; i < partners.size(); i++) {
            if (partners.get(i).organizationId().equals(partner.organizationId())) {
                partners.set(i, partner);
                return;
            }
        }
    }

    private void replace(Milestone milestone) {
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).id().equals(milestone.id())) {
                milestones.set(i, milestone);
                return;
            }
        }
    }

    private static @Nullable String reason(@Nullable String reason) {
        String text = blankToNull(reason);
        if (text != null && text.length() > Limits.REASON) {
            throw new RuleViolationException("reason must be at most " + Limits.REASON + " characters", "reason");
        }
        return text;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static org.concordia.contracts.project.@Nullable Funding contractFunding(@Nullable Funding funding) {
        return funding == null
                ? null
                : new org.concordia.contracts.project.Funding(
                        funding.programme(), funding.amount(), funding.currency());
    }
}
