package org.concordia.notification.announcement.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who an announcement is for: an organization's members (optionally some roles), its whole network, the members of
 * its partner organizations (active partnerships, optionally some roles), the partners of one of its projects, or the
 * participants of one of its meetings.
 */
public record Target(
        Kind kind,
        @Nullable String organizationId,
        @Nullable String projectId,
        @Nullable String meetingId,
        List<String> roles) {

    public Target {
        roles = List.copyOf(roles);
    }

    public enum Kind {
        ORGANIZATION_MEMBERS("organization_members"),
        ORGANIZATION_NETWORK("organization_network"),
        ORGANIZATION_PARTNERS("organization_partners"),
        PROJECT_PARTNERS("project_partners"),
        MEETING_PARTICIPANTS("meeting_participants");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown target kind " + code);
        }
    }
}
