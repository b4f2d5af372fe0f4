package org.concordia.meeting.meeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A weekly call planned at 10:00 Europe/Sofia keeps 10:00 in Sofia through the spring and autumn changes, while its
 * local time in New York and Sydney follows their own changes: the US moves on 14 March and 7 November 2027, Europe
 * on 28 March and 31 October, Sydney on 4 April and 3 October.
 */
class DaylightSavingTest {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static Series weeklyFrom(String localStart, int count) {
        ZonedDateTime start = ZonedDateTime.of(java.time.LocalDateTime.parse(localStart), SOFIA);
        Timing first = new Timing(start.toInstant(), start.plusHours(1).toInstant(), "Europe/Sofia");
        return Series.plan("FREQ=WEEKLY;COUNT=" + count, first);
    }

    private static List<LocalTime> local(Series series, ZoneId zone) {
        return series.plannedStarts().stream()
                .map(start -> start.atZone(zone).toLocalTime())
                .toList();
    }

    @Test
    void a_weekly_sofia_call_stays_at_ten_in_sofia_across_the_spring_changes() {
        Series spring = weeklyFrom("2027-03-18T10:00", 4); // 18 and 25 March, 1 and 8 April

        assertThat(local(spring, SOFIA)).containsOnly(LocalTime.of(10, 0));
        assertThat(spring.plannedStarts())
                .containsExactly(
                        Instant.parse("2027-03-18T08:00:00Z"),
                        Instant.parse("2027-03-25T08:00:00Z"),
                        Instant.parse("2027-04-01T07:00:00Z"),
                        Instant.parse("2027-04-08T07:00:00Z"));
    }

    @Test
    void new_york_and_sydney_see_the_sofia_call_move_with_each_change() {
        Series spring = weeklyFrom("2027-03-18T10:00", 4);

        // New York is already on EDT (since 14 March); Sofia's change on 28 March moves the call an hour earlier there
        assertThat(local(spring, NEW_YORK))
                .containsExactly(LocalTime.of(4, 0), LocalTime.of(4, 0), LocalTime.of(3, 0), LocalTime.of(3, 0));
        // Sydney leaves AEDT on 4 April: 19:00, 19:00, then 18:00 after Sofia's change, then 17:00 after its own
        assertThat(local(spring, SYDNEY))
                .containsExactly(LocalTime.of(19, 0), LocalTime.of(19, 0), LocalTime.of(18, 0), LocalTime.of(17, 0));
    }

    @Test
    void the_autumn_changes_move_the_call_for_each_zone_in_its_own_week() {
        Series autumn = weeklyFrom("2027-09-30T10:00", 7); // 30 Sep, 7/14/21/28 Oct, 4 and 11 Nov

        assertThat(local(autumn, SOFIA)).containsOnly(LocalTime.of(10, 0));
        // Sydney starts AEDT on 3 October: 17:00 then 18:00; Sofia leaves EEST on 31 October: 19:00 from 4 November
        assertThat(local(autumn, SYDNEY))
                .containsExactly(
                        LocalTime.of(17, 0),
                        LocalTime.of(18, 0),
                        LocalTime.of(18, 0),
                        LocalTime.of(18, 0),
                        LocalTime.of(18, 0),
                        LocalTime.of(19, 0),
                        LocalTime.of(19, 0));
        // New York: 03:00 while both are on summer time, 04:00 between 31 Oct and 7 Nov, 03:00 again after
        assertThat(local(autumn, NEW_YORK))
                .containsExactly(
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 0),
                        LocalTime.of(4, 0),
                        LocalTime.of(3, 0));
    }

    @Test
    void a_monthly_series_until_a_date_ends_there() {
        ZonedDateTime start = ZonedDateTime.of(2027, 1, 12, 16, 0, 0, 0, SOFIA);
        Series monthly = Series.plan(
                "FREQ=MONTHLY;UNTIL=20270615T000000Z",
                new Timing(start.toInstant(), start.plusHours(2).toInstant(), "Europe/Sofia"));

        assertThat(monthly.plannedStarts()).hasSize(6);
        assertThat(local(monthly, SOFIA)).containsOnly(LocalTime.of(16, 0));
    }

    @Test
    void one_occurrence_moved_or_cancelled_leaves_the_others() {
        Series series = weeklyFrom("2027-03-18T10:00", 4);
        Instant second = Instant.parse("2027-03-25T08:00:00Z");
        Instant third = Instant.parse("2027-04-01T07:00:00Z");

        Series changed = series.move(
                        second, Instant.parse("2027-03-26T08:00:00Z"), Instant.parse("2027-03-26T09:00:00Z"))
                .cancel(third, "Easter");

        assertThat(changed.plannedStarts())
                .containsExactly(
                        Instant.parse("2027-03-18T08:00:00Z"),
                        Instant.parse("2027-03-26T08:00:00Z"),
                        Instant.parse("2027-04-08T07:00:00Z"));
        assertThat(changed.occurrence(second).orElseThrow().moved()).isTrue();
    }
}
