package org.concordia.meeting.meeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.MinutesCorrected;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.DomainException;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class SchedulingRulesTest {

    private static final Instant START = Instant.parse("2027-03-18T08:00:00Z");
    private static final Instant END = Instant.parse("2027-03-18T09:00:00Z");
    private static final Organizer ORGANIZER = new Organizer("p1", "Daniel Carter", "d@example.org", "o1");
    private static final Venue PLOVDIV = new Venue("Община Пловдив", "пл. Стефан Стамболов 1", "Пловдив", "BG");

    static MeetingDetails details(MeetingFormat format, Venue venue, String link) {
        return new MeetingDetails("Семинар", null, format, venue, link, List.of(), null, null, null, null);
    }

    static Meeting meeting(String rrule) {
        return Meeting.schedule(
                "m1",
                ORGANIZER,
                null,
                null,
                details(MeetingFormat.ONLINE, null, "https://meet.example.org/a"),
                new Timing(START, END, "Europe/Sofia"),
                rrule,
                List.of(Target.person("p2")),
                List.of(),
                START.minusSeconds(86_400 * 30));
    }

    private static String fieldOf(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.field();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void each_broken_rule_names_its_field() {
        assertThat(fieldOf(() -> new Timing(END, START, "Europe/Sofia"))).isEqualTo("end");
        assertThat(fieldOf(() -> new Timing(START, END, "Europe/Atlantis"))).isEqualTo("timeZone");
        assertThat(fieldOf(() -> new Timing(START, END, "+02:00"))).isEqualTo("timeZone");
        assertThat(fieldOf(() -> details(MeetingFormat.ONLINE, null, null))).isEqualTo("onlineLink");
        assertThat(fieldOf(() -> details(MeetingFormat.HYBRID, PLOVDIV, null))).isEqualTo("onlineLink");
        assertThat(fieldOf(() -> details(MeetingFormat.IN_PERSON, null, null))).isEqualTo("venue");
        assertThat(fieldOf(() -> new MeetingDetails(
                        "x", null, MeetingFormat.IN_PERSON, PLOVDIV, null, List.of(), 0, null, null, null)))
                .isEqualTo("capacity");
        assertThat(fieldOf(() -> new MeetingDetails(
                                "x", null, MeetingFormat.IN_PERSON, PLOVDIV, null, List.of(), null, null, END, null)
                        .checkAgainst(new Timing(START, END, "Europe/Sofia"))))
                .isEqualTo("registrationDeadline");
        assertThat(fieldOf(() -> meeting("FREQ=DAILY;COUNT=3"))).isEqualTo("rrule");
        assertThat(fieldOf(() -> meeting("FREQ=WEEKLY"))).isEqualTo("rrule");
        assertThat(fieldOf(() -> meeting("FREQ=WEEKLY;COUNT=201"))).isEqualTo("rrule");
        assertThat(fieldOf(() -> meeting("every tuesday"))).isEqualTo("rrule");
        assertThat(fieldOf(() -> meeting("FREQ=WEEKLY;BYDAY=MO;COUNT=3"))).isEqualTo("rrule");
    }

    @Test
    void a_scheduled_meeting_carries_its_targets_and_default_reminders() {
        Meeting meeting = meeting(null);
        MeetingScheduled event = (MeetingScheduled) meeting.pullEvents().get(0);

        assertThat(event.reminderMinutesBefore()).containsExactly(1440, 60);
        assertThat(event.targets()).hasSize(1);
        assertThat(event.sequence()).isZero();
        assertThat(event.occurrenceStarts()).isEmpty();
    }

    @Test
    void minutes_are_published_once_then_corrected_in_revisions() {
        Meeting meeting = meeting(null);
        assertThatThrownBy(() -> meeting.publishMinutes(null, "s", List.of(), List.of(), END))
                .isInstanceOf(RuleViolationException.class);
        meeting.markHeld(END);
        meeting.publishMinutes(null, "Summary", List.of("Decided"), List.of(), END);
        assertThatThrownBy(() -> meeting.publishMinutes(null, "again", List.of(), List.of(), END))
                .isInstanceOf(ConflictException.class);

        meeting.correctMinutes(null, "Summary, corrected", List.of("Decided"), List.of(), "typo", END);
        meeting.correctMinutes(null, "Summary, corrected twice", List.of("Decided"), List.of(), "typo", END);

        List<?> events = meeting.pullEvents();
        MinutesCorrected last = (MinutesCorrected) events.get(events.size() - 1);
        assertThat(last.revision()).isEqualTo(3);
        assertThat(meeting.minutes().get(0).summary()).isEqualTo("Summary, corrected twice");
    }

    @Test
    void open_action_items_of_a_series_are_carried_into_the_next_agendas_until_closed() {
        Meeting series = meeting("FREQ=WEEKLY;COUNT=4");
        Instant first = START;
        Instant second = START.plusSeconds(7 * 86_400);
        Instant third = START.plusSeconds(14 * 86_400);
        ActionPoint open = new ActionPoint("a1", "Send the report", "p2", "Мария", LocalDate.of(2027, 3, 24), false);
        ActionPoint done = new ActionPoint("a2", "Book the room", null, null, null, true);
        series.publishMinutes(first, "First", List.of(), List.of(open, done), second);

        assertThat(series.agendaOf(second)).extracting(c -> c.point().title()).containsExactly("Send the report");
        series.closeActionItem("a1");
        assertThat(series.agendaOf(third)).isEmpty();
    }
}
