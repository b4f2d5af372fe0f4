package org.concordia.meeting.meeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rescheduling a whole series keeps what was changed on single occurrences, by their number in the series. */
class SeriesReplanTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    /** Weekly on Thursdays 10:00 Sofia from 2027-03-18, four times: across Sofia's change on 2027-03-28. */
    private static Meeting weekly() {
        return SchedulingRulesTest.meeting("FREQ=WEEKLY;COUNT=4");
    }

    private static Series series(Meeting meeting) {
        return meeting.series().orElseThrow();
    }

    @Test
    void a_cancelled_and_a_moved_occurrence_stay_so_when_the_series_moves_an_hour_later() {
        Meeting meeting = weekly();
        List<Occurrence> before = series(meeting).occurrences();
        // the second (25 March) moved to Friday 11:00, the third (1 April) cancelled
        meeting.moveOccurrence(
                before.get(1).recurrenceId(),
                new Timing(
                        Instant.parse("2027-03-26T09:00:00Z"), Instant.parse("2027-03-26T10:00:00Z"), "Europe/Sofia"),
                NOW);
        meeting.cancelOccurrence(before.get(2).recurrenceId(), "Easter", NOW);

        meeting.reschedule(
                new Timing(
                        Instant.parse("2027-03-18T09:00:00Z"), Instant.parse("2027-03-18T10:00:00Z"), "Europe/Sofia"),
                NOW);

        List<Occurrence> after = series(meeting).occurrences();
        assertThat(after)
                .extracting(Occurrence::recurrenceId)
                .containsExactly(
                        Instant.parse("2027-03-18T09:00:00Z"),
                        Instant.parse("2027-03-25T09:00:00Z"),
                        // 11:00 Sofia in summer time
                        Instant.parse("2027-04-01T08:00:00Z"),
                        Instant.parse("2027-04-08T08:00:00Z"));
        assertThat(after.get(1).moved()).isTrue();
        assertThat(after.get(1).start()).isEqualTo(Instant.parse("2027-03-26T09:00:00Z"));
        assertThat(after.get(2).cancelled()).isTrue();
        assertThat(after.get(2).cancellationReason()).isEqualTo("Easter");
        assertThat(after.get(3).moved() || after.get(3).cancelled()).isFalse();
        assertThat(meeting.plannedStarts())
                .containsExactly(
                        Instant.parse("2027-03-18T09:00:00Z"),
                        Instant.parse("2027-03-26T09:00:00Z"),
                        Instant.parse("2027-04-08T08:00:00Z"));
    }

    @Test
    void a_moved_occurrence_that_would_collide_with_another_follows_the_new_plan() {
        Meeting meeting = weekly();
        List<Occurrence> before = series(meeting).occurrences();
        // the second occurrence moved to Friday 26 March 10:00 Sofia
        meeting.moveOccurrence(
                before.get(1).recurrenceId(),
                new Timing(
                        Instant.parse("2027-03-26T08:00:00Z"), Instant.parse("2027-03-26T09:00:00Z"), "Europe/Sofia"),
                NOW);

        // the series moves to Fridays from 19 March: the first occurrence is now on 19 March, the second on
        // 26 March at 10:00, exactly where the moved one sat; and a move into another occurrence's time is undone
        meeting.reschedule(
                new Timing(
                        Instant.parse("2027-03-19T08:00:00Z"), Instant.parse("2027-03-19T09:00:00Z"), "Europe/Sofia"),
                NOW);
        Occurrence second = series(meeting).occurrences().get(1);
        assertThat(second.moved()).isFalse();
        assertThat(second.start()).isEqualTo(Instant.parse("2027-03-26T08:00:00Z"));

        Meeting other = weekly();
        Occurrence third = series(other).occurrences().get(2);
        // the third occurrence moved onto Thursday 8 April 10:30, half an hour into the fourth
        other.moveOccurrence(
                third.recurrenceId(),
                new Timing(
                        Instant.parse("2027-04-08T07:30:00Z"), Instant.parse("2027-04-08T08:30:00Z"), "Europe/Sofia"),
                NOW);
        // the series moves to the next day: the fourth occurrence leaves Thursday, so the move no longer collides
        other.reschedule(
                new Timing(
                        Instant.parse("2027-03-19T08:00:00Z"), Instant.parse("2027-03-19T09:00:00Z"), "Europe/Sofia"),
                NOW);
        assertThat(series(other).occurrences().get(2).start()).isEqualTo(Instant.parse("2027-04-08T07:30:00Z"));
        // and back: the moved occurrence is kept only while it overlaps no other one
        other.reschedule(
                new Timing(
                        Instant.parse("2027-03-18T08:30:00Z"), Instant.parse("2027-03-18T09:30:00Z"), "Europe/Sofia"),
                NOW);
        Occurrence kept = series(other).occurrences().get(2);
        assertThat(kept.moved()).isFalse();
        assertThat(kept.start()).isEqualTo(kept.recurrenceId());
    }
}
