package org.concordia.contracts.announcement;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who an announcement is for, as its author chose it; consumers resolve a target to people against their own read
 * models.
 *
 * @param kind Known values, an open set: organization_members (the members of organizationId, optionally of some
 *    roles only), organization_network (the members of organizationId and of all its chapters and representations,
 *    at any depth), organization_partners (the members of every organization in an active partnership with
 *    organizationId, on either side of it, optionally of some roles only), project_partners (the members of every organization taking part in projectId),
 *    meeting_participants (whoever holds a confirmed seat at meetingId).
 * @param organizationId The organization, for organization_members, organization_network and
 *    organization_partners.
 * @param projectId The project, for project_partners.
 * @param meetingId The meeting, for meeting_participants.
 * @param roles Only members holding one of these roles; empty for every member.
 */
public record AnnouncementTarget(
        String kind,
        @Nullable String organizationId,
        @Nullable String projectId,
        @Nullable String meetingId,
        List<String> roles) {

    public static final String ORGANIZATION_MEMBERS = "organization_members";
    public static final String ORGANIZATION_NETWORK = "organization_network";
    public static final String ORGANIZATION_PARTNERS = "organization_partners";
    public static final String PROJECT_PARTNERS = "project_partners";
    public static final String MEETING_PARTICIPANTS = "meeting_participants";

    public AnnouncementTarget {
        Objects.requireNonNull(kind, "kind");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
