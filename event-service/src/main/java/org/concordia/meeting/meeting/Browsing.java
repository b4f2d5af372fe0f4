package org.concordia.meeting.meeting;

import java.time.Instant;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.platform.application.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Anyone looks up a meeting or lists meetings by organization, status and start. */
@Service
public class Browsing {

    private final Meetings meetings;
    private final MeetingChanges changes;

    Browsing(Meetings meetings, MeetingChanges changes) {
        this.meetings = meetings;
        this.changes = changes;
    }

    public Meeting get(String id) {
        return changes.get(id);
    }

    public Page<Meeting> list(
            @Nullable String organizationId,
            @Nullable MeetingStatus status,
            @Nullable Instant from,
            int page,
            int size) {
        return Paging.page(
                page,
                size,
                meetings.count(organizationId, status, from),
                (offset, limit) -> meetings.find(organizationId, status, from, offset, limit));
    }
}
