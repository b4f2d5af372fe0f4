package org.concordia.project.project.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The organizations a project invited, and the rules of their answers: an organization is in a project once (the lead
 * is never invited; one invited or accepted is not invited again, one that declined or withdrew may be); only an
 * invited organization accepts or declines; only an accepted partner withdraws. {@link Project} checks that it is open
 * and records the events from what these changes return.
 */
final class Partners {

    private final String projectId;
    private final List<ProjectPartner> partners;

    Partners(String projectId, List<ProjectPartner> partners) {
        this.projectId = projectId;
        this.partners = new ArrayList<>(partners);
    }

    /** In the order they were first invited. */
    List<ProjectPartner> all() {
        return List.copyOf(partners);
    }

    Optional<ProjectPartner> find(String organizationId) {
        return partners.stream()
                .filter(p -> p.organizationId().equals(organizationId))
                .findFirst();
    }

    List<ProjectPartner> accepted() {
        return withStatus(PartnerStatus.ACCEPTED);
    }

    List<ProjectPartner> invited() {
        return withStatus(PartnerStatus.INVITED);
    }

    /** ISO codes of the lead's and the accepted partners' countries, sorted, each once. */
    List<String> countries(OrganizationRef lead) {
        TreeSet<String> countries = new TreeSet<>();
        countries.add(lead.country());
        accepted().forEach(p -> countries.add(p.organization().country()));
        return List.copyOf(countries);
    }

    /** @throws ConflictException when the organization is invited or a partner already */
    ProjectPartner invite(OrganizationRef organization, PartnerRole role, OrganizationRef lead, Instant now) {
        if (organization.id().equals(lead.id())) {
            throw new RuleViolationException(
                    lead.name() + " leads this project and cannot be invited as a partner of it", "organizationId");
        }
        Optional<ProjectPartner> existing = find(organization.id());
        if (existing.isEmpty()) {
            ProjectPartner invited = new ProjectPartner(organization, role, PartnerStatus.INVITED, now, null, null);
            partners.add(invited);
            return invited;
        }
        ProjectPartner current = existing.get();
        if (current.status() == PartnerStatus.INVITED || current.status() == PartnerStatus.ACCEPTED) {
            throw new ConflictException(
                    organization.name() + " is "
                            + (current.status() == PartnerStatus.INVITED
                                    ? "invited to this project already"
                                    : "a partner of this project already"),
                    "organizationId");
        }
        ProjectPartner invited = current.reinvited(organization, role, now);
        replace(invited);
        return invited;
    }

    /**
     * The invited organization accepts or declines.
     *
     * @param answer {@link PartnerStatus#ACCEPTED} or {@link PartnerStatus#DECLINED}
     * @return the partner as it is now, empty when it had answered so already
     */
    Optional<ProjectPartner> answer(String organizationId, PartnerStatus answer, @Nullable String reason, Instant now) {
        ProjectPartner partner = require(organizationId);
        if (partner.status() == answer) {
            return Optional.empty();
        }
        requireStatus(partner, PartnerStatus.INVITED, answer == PartnerStatus.ACCEPTED ? "accept" : "decline");
        return Optional.of(replace(partner.answered(answer, now, reason)));
    }

    /** An accepted partner leaves. @return the partner as it is now, empty when it had left already */
    Optional<ProjectPartner> withdraw(String organizationId, @Nullable String reason, Instant now) {
        ProjectPartner partner = require(organizationId);
        if (partner.status() == PartnerStatus.WITHDRAWN) {
            return Optional.empty();
        }
        requireStatus(partner, PartnerStatus.ACCEPTED, "withdraw");
        return Optional.of(replace(partner.answered(PartnerStatus.WITHDRAWN, now, reason)));
    }

    /** A pending invitation is taken back. @return the partner as it is now, empty when it is not invited (any more) */
    Optional<ProjectPartner> withdrawInvitation(String organizationId, @Nullable String reason, Instant now) {
        Optional<ProjectPartner> partner = find(organizationId);
        if (partner.isEmpty() || partner.get().status() != PartnerStatus.INVITED) {
            return Optional.empty();
        }
        return Optional.of(replace(partner.get().answered(PartnerStatus.WITHDRAWN, now, reason)));
    }

    /** Takes in the organization's current name and country. @return whether anything changed */
    boolean refresh(OrganizationRef organization) {
        Optional<ProjectPartner> partner = find(organization.id());
        if (partner.isEmpty() || partner.get().organization().equals(organization)) {
            return false;
        }
        replace(partner.get().known(organization));
        return true;
    }

    private List<ProjectPartner> withStatus(PartnerStatus status) {
        return partners.stream().filter(p -> p.status() == status).toList();
    }

    private ProjectPartner require(String organizationId) {
        return find(organizationId)
                .orElseThrow(() -> new NotFoundException(
                        "Invitation of organization", organizationId + " to project " + projectId));
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

    private ProjectPartner replace(ProjectPartner partner) {
        for (int i = 0; i < partners.size(); i++) {
            if (partners.get(i).organizationId().equals(partner.organizationId())) {
                partners.set(i, partner);
                break;
            }
        }
        return partner;
    }
}
