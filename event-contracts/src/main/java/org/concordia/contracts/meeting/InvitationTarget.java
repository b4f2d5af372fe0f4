package org.concordia.contracts.meeting;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is invited, as the organizer chose it; consumers resolve a target to people against their own read
 * models, so that a meeting of a whole network stays one small event.
 *
 * @param kind Known values, an open set: {@code person} (personId), {@code organization_members} (the
 *    members of organizationId), {@code organization_network} (the members of organizationId and of
 *    all its chapters and representations, at any depth), {@code project_partners} (the members of
 *    every organization taking part in projectId: the lead and the partners that accepted).
 * @param personId The person, for kind person.
 * @param organizationId The organization, for organization_members and organization_network.
 * @param projectId The project, for project_partners.
 * @param roles Only members with one of these roles (coordinator, representative, member,
 *    partner_contact); empty for every member.
 */
public record InvitationTarget(
        String kind,
        @Nullable String personId,
        @Nullable String organizationId,
        @Nullable String projectId,
        List<String> roles) {

    public static final String PERSON = "person";
    public static final String ORGANIZATION_MEMBERS = "organization_members";
    public static final String ORGANIZATION_NETWORK = "organization_network";
    public static final String PROJECT_PARTNERS = "project_partners";

    public InvitationTarget {
        Objects.requireNonNull(kind, "kind");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
