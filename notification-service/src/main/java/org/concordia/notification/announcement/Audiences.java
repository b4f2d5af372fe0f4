package org.concordia.notification.announcement;

import java.util.ArrayList;
import java.util.List;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.recipient.Audience;

/** An announcement's targets as the audience the recipients' read model expands. */
final class Audiences {

    private Audiences() {}

    static Audience of(List<Target> targets) {
        List<Audience> parts = new ArrayList<>(targets.size());
        for (Target t : targets) {
            parts.add(
                    switch (t.kind()) {
                        case ORGANIZATION_MEMBERS -> new Audience.Members(t.organizationId(), t.roles(), null);
                        case ORGANIZATION_NETWORK -> new Audience.Network(t.organizationId(), t.roles());
                        case ORGANIZATION_PARTNERS -> new Audience.Partners(t.organizationId(), t.roles());
                        case PROJECT_PARTNERS -> new Audience.ProjectPartners(t.projectId(), t.roles());
                        case MEETING_PARTICIPANTS -> new Audience.MeetingParticipants(t.meetingId(), true);
                    });
        }
        return parts.size() == 1 ? parts.get(0) : new Audience.AnyOf(parts);
    }

    /** The organizations the targets name, whose webhooks hear of the announcement. */
    static List<String> organizations(List<Target> targets) {
        return targets.stream()
                .map(Target::organizationId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }
}
