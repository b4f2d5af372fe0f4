package org.concordia.project.project.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.project.Funding;
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
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.jspecify.annotations.Nullable;

/**
 * The published events of a project's changes: the project as it is after the change, translated into the contract's
 * records (each names the project, its title and, where the other services need them, its lead).
 */
final class ProjectEvents {

    private static final String LEAD_ROLE = "lead";
    private static final String ACCEPTED = "accepted";

    private ProjectEvents() {}

    static ProjectProposed proposed(Project p, Instant now) {
        ProjectDetails d = p.details();
        OrganizationRef lead = p.lead();
        return new ProjectProposed(
                p.id(),
                d.title(),
                d.summary(),
                d.goals(),
                lead.id(),
                lead.name(),
                lead.country(),
                d.plannedStart(),
                d.plannedEnd(),
                funding(d.funding()),
                now);
    }

    static ProjectDetailsChanged detailsChanged(Project p, long version, Instant now) {
        ProjectDetails d = p.details();
        OrganizationRef lead = p.lead();
        return new ProjectDetailsChanged(
                p.id(),
                d.title(),
                d.summary(),
                d.goals(),
                lead.id(),
                lead.name(),
                lead.country(),
                d.plannedStart(),
                d.plannedEnd(),
                funding(d.funding()),
                version,
                now);
    }

    /** Everyone the project started with: the lead first, then each invited organization with its answer. */
    static ProjectActivated activated(Project p, Instant now) {
        OrganizationRef lead = p.lead();
        List<Partner> everyone = new ArrayList<>();
        everyone.add(new Partner(lead.id(), lead.name(), lead.country(), LEAD_ROLE, ACCEPTED));
        for (ProjectPartner partner : p.partners()) {
            OrganizationRef org = partner.organization();
            everyone.add(new Partner(
                    org.id(),
                    org.name(),
                    org.country(),
                    partner.role().code(),
                    partner.status().code()));
        }
        return new ProjectActivated(p.id(), p.details().title(), lead.id(), everyone, p.countries(), now);
    }

    static PartnerInvited invited(Project p, ProjectPartner partner, Instant now) {
        OrganizationRef org = partner.organization();
        return new PartnerInvited(
                p.id(),
                p.details().title(),
                org.id(),
                org.name(),
                org.country(),
                partner.role().code(),
                p.lead().id(),
                p.lead().name(),
                now);
    }

    static PartnerJoined joined(Project p, ProjectPartner partner, Instant now) {
        OrganizationRef org = partner.organization();
        return new PartnerJoined(
                p.id(),
                p.details().title(),
                org.id(),
                org.name(),
                org.country(),
                partner.role().code(),
                p.lead().id(),
                p.lead().name(),
                now);
    }

    static PartnerDeclined declined(Project p, ProjectPartner partner, Instant now) {
        OrganizationRef org = partner.organization();
        return new PartnerDeclined(
                p.id(),
                p.details().title(),
                org.id(),
                org.name(),
                org.country(),
                partner.role().code(),
                partner.reason(),
                p.lead().id(),
                p.lead().name(),
                now);
    }

    static PartnerWithdrawn withdrawn(Project p, ProjectPartner partner, Instant now) {
        OrganizationRef org = partner.organization();
        return new PartnerWithdrawn(
                p.id(),
                p.details().title(),
                org.id(),
                org.name(),
                org.country(),
                partner.role().code(),
                partner.reason(),
                p.lead().id(),
                p.lead().name(),
                now);
    }

    static MilestonePlanned planned(Project p, Milestone m, Instant now) {
        return new MilestonePlanned(
                p.id(),
                p.details().title(),
                m.id(),
                m.kind().code(),
                m.title(),
                m.hostCountry(),
                m.hostCity(),
                m.dueDate(),
                now);
    }

    /** @param before the milestone as it was, due on the day it moved from */
    static MilestoneRescheduled rescheduled(Project p, Milestone before, LocalDate dueDate, Instant now) {
        return new MilestoneRescheduled(
                p.id(),
                p.details().title(),
                before.id(),
                before.kind().code(),
                before.title(),
                before.hostCountry(),
                before.hostCity(),
                dueDate,
                before.dueDate(),
                now);
    }

    static MilestoneCompleted completed(Project p, Milestone m, Instant now) {
        LocalDate on = Objects.requireNonNull(m.completedOn(), "completedOn");
        return new MilestoneCompleted(
                p.id(), p.details().title(), m.id(), m.kind().code(), m.title(), on, now);
    }

    static MilestoneCancelled cancelled(Project p, Milestone m, Instant now) {
        return new MilestoneCancelled(
                p.id(),
                p.details().title(),
                m.id(),
                m.kind().code(),
                m.title(),
                m.hostCountry(),
                m.hostCity(),
                m.dueDate(),
                m.cancellationReason(),
                now);
    }

    private static @Nullable Funding funding(org.concordia.project.project.model.@Nullable Funding funding) {
        return funding == null ? null : new Funding(funding.programme(), funding.amount(), funding.currency());
    }
}
