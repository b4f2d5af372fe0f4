package org.concordia.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.MeetingScheduled;

/** Meetings the benchmarks schedule: an online meeting of two hours inviting every member of one organization. */
final class Meetings {

    private Meetings() {}

    static MeetingScheduled forMembersOf(String organization, String title, String url, Instant start) {
        return new MeetingScheduled(
                UUID.randomUUID().toString(),
                title,
                null,
                "organizer",
                "Katarzyna Nowak",
                null,
                "online",
                null,
                url,
                start,
                start.plusSeconds(7200),
                "Europe/Warsaw",
                null,
                null,
                List.of(),
                List.of(),
                0,
                "k.nowak@example.org",
                organization,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of(new InvitationTarget(
                        InvitationTarget.ORGANIZATION_MEMBERS, null, organization, null, List.of())),
                null,
                List.of(),
                Instant.now());
    }
}
