package org.concordia.notification.recipient;

import java.time.Instant;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.project.Partner;
import org.jspecify.annotations.Nullable;

/**
 * Projects (lead, partners and their status) and meetings (targets, times, registrations) learnt from
 * {@code project-events} and {@code meeting-events}; idempotent and never going back in time.
 */
public interface MeetingDirectory {

    void project(String projectId, String title, @Nullable String leadOrganizationId, Instant at);

    void partner(String projectId, Partner partner, Instant at);

    void on(MeetingScheduled event);

    void on(MeetingRescheduled event);

    void on(MeetingDetailsChanged event);

    void on(MeetingCancelled event);

    void on(MeetingOccurrenceRescheduled event);

    void on(MeetingOccurrenceCancelled event);

    /** @param status confirmed, tentative, waitlisted or declined */
    void registration(String meetingId, String personId, String status, Instant at);
}
