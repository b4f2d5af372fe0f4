package org.concordia.notification.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.notice.FanningOut;
import org.concordia.notification.notice.MeetingChanges;
import org.concordia.notification.notice.model.Category;
import org.concordia.notification.notice.model.Notice;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.KnownMeeting;
import org.concordia.notification.recipient.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Plans a meeting's reminders whenever the meeting changes, and sends those that are due to whoever holds a
 * confirmed seat at that moment (so someone who declined meanwhile is not reminded). A reminder is a transactional
 * notice with the deterministic source {@code reminder:<slot id>}.
 */
@Service
public class Reminding implements MeetingChanges {

    private static final Logger log = LoggerFactory.getLogger(Reminding.class);

    private final Slots slots;
    private final Recipients recipients;
    private final FanningOut fanningOut;
    private final Clock clock;
    private final Duration lease;
    private final String owner = "reminding-" + UUID.randomUUID();
    private final Timer lateness;
    private final Counter late;

    public Reminding(
            Slots slots,
            Recipients recipients,
            FanningOut fanningOut,
            Clock clock,
            MeterRegistry meters,
            @Value("${concordia.notification.reminders.lease:PT5M}") Duration lease) {
        this.slots = slots;
        this.recipients = recipients;
        this.fanningOut = fanningOut;
        this.clock = clock;
        this.lease = lease;
        this.lateness = Timer.builder("concordia.reminders.lateness")
                .description("How long after its due time each reminder went out")
                .register(meters);
        this.late = Counter.builder("concordia.reminders.late")
                .description("Reminders that went out more than a minute after their due time")
                .register(meters);
        Gauge.builder("concordia.reminders.due", slots, s -> s.countDue(clock.instant()))
                .description("Reminders whose time has come and that have not gone out yet")
                .register(meters);
    }

    @Override
    public void changed(DomainEvent event) {
        String meetingId = null;
        if (event instanceof MeetingScheduled e) {
            meetingId = e.meetingId();
        } else if (event instanceof MeetingRescheduled e) {
            meetingId = e.meetingId();
        } else if (event instanceof MeetingDetailsChanged e) {
            meetingId = e.meetingId();
        } else if (event instanceof MeetingCancelled e) {
            meetingId = e.meetingId();
        } else if (event instanceof MeetingOccurrenceRescheduled e) {
            meetingId = e.meetingId();
        } else if (event instanceof MeetingOccurrenceCancelled e) {
            meetingId = e.meetingId();
        }
        if (meetingId != null) {
            replan(meetingId);
        }
    }

    /** The future reminders of each planned start, at each of the meeting's offsets. */
    void replan(String meetingId) {
        Instant now = clock.instant();
        List<Slot> planned = new ArrayList<>();
        recipients.meeting(meetingId).ifPresent(meeting -> {
            for (Instant start : meeting.plannedStarts()) {
                for (int minutes : meeting.reminderMinutesBefore()) {
                    Slot slot = Slot.of(meetingId, start, minutes);
                    if (slot.dueAt().isAfter(now)) {
                        planned.add(slot);
                    }
                }
            }
        });
        slots.plan(meetingId, planned);
    }

    @Scheduled(
            fixedDelayString = "${concordia.notification.reminders.poll-millis:1000}",
            initialDelayString = "${concordia.notification.reminders.poll-millis:1000}")
    void remindDue() {
        try {
            remindDue(100);
        } catch (RuntimeException e) {
            log.warn("Reminder round stopped: {}", e.toString());
        }
    }

    /** @return how many reminders were sent */
    public int remindDue(int limit) {
        int sent = 0;
        for (int i = 0; i < limit; i++) {
            Optional<Slot> claimed = slots.claim(clock.instant(), lease, owner);
            if (claimed.isEmpty()) {
                break;
            }
            Slot slot = claimed.get();
            Optional<KnownMeeting> meeting = recipients.meeting(slot.meetingId());
            if (meeting.isPresent() && meeting.get().plannedStarts().contains(slot.start())) {
                fanningOut.fanOut(notice(slot, meeting.get()));
                sent++;
                Duration after = Duration.between(slot.dueAt(), clock.instant());
                lateness.record(after.isNegative() ? Duration.ZERO : after);
                if (after.compareTo(Duration.ofMinutes(1)) > 0) {
                    late.increment();
                }
            }
            slots.done(slot);
        }
        return sent;
    }

    private static Notice notice(Slot slot, KnownMeeting meeting) {
        int minutes = slot.minutesBefore();
        String unit = minutes % 1440 == 0 ? "day" : minutes % 60 == 0 ? "hour" : "minute";
        int amount = unit.equals("day") ? minutes / 1440 : unit.equals("hour") ? minutes / 60 : minutes;
        return new Notice(
                "reminder:" + slot.id(),
                "reminder",
                "reminder",
                "meeting.reminder",
                Category.MEETINGS,
                true,
                new Audience.MeetingParticipants(slot.meetingId(), true),
                Map.of("meeting", meeting.title(), "start", slot.start(), "amount", amount, "unit", unit),
                null,
                List.of());
    }
}
