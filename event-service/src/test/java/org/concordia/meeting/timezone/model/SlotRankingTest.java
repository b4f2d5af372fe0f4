package org.concordia.meeting.timezone.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotRankingTest {

    @Test
    void a_slot_outside_working_hours_or_on_a_weekend_is_flagged_in_the_persons_own_zone() {
        Instant start = Instant.parse("2027-03-18T08:00:00Z"); // Thursday 10:00 in Sofia
        Instant end = start.plus(Duration.ofHours(1));

        assertThat(WorkingHours.of(start, end, ZoneId.of("Europe/Sofia")).flagged())
                .isFalse();
        assertThat(WorkingHours.of(start, end, ZoneId.of("America/New_York")).outsideWorkingHours())
                .isTrue();
        assertThat(WorkingHours.of(start, end, ZoneId.of("Australia/Sydney"))
                        .localStart()
                        .getHour())
                .isEqualTo(19);
        Instant saturday = Instant.parse("2027-03-20T08:00:00Z");
        assertThat(WorkingHours.of(saturday, saturday.plusSeconds(3600), ZoneId.of("Europe/Sofia"))
                        .onWeekend())
                .isTrue();
    }

    @Test
    void the_best_slots_have_most_invitees_inside_working_hours_then_the_mildest_worst_hour() {
        Map<String, Long> zones = new LinkedHashMap<>();
        zones.put("Europe/Sofia", 10L);
        zones.put("America/New_York", 3L);
        Instant from = Instant.parse("2027-03-18T00:00:00Z");

        List<SlotRanking.Slot> best =
                SlotRanking.best(zones, from, from.plus(Duration.ofDays(1)), Duration.ofHours(1), 3);

        // Sofia (UTC+2) works 06:00–18:00 UTC, New York (EDT, UTC-4) 12:00–24:00 UTC: both inside from 12:00 UTC
        assertThat(best).allSatisfy(slot -> assertThat(slot.inside()).isEqualTo(13));
        assertThat(best.get(0).start()).isEqualTo(Instant.parse("2027-03-18T12:00:00Z"));
    }

    @Test
    void the_good_window_moves_when_a_daylight_saving_change_falls_inside_the_range() {
        Map<String, Long> zones = Map.of("Europe/Sofia", 1L, "America/New_York", 1L);
        // before Europe's change on 28 March: Sofia (UTC+2) 06–18 UTC, New York (UTC-4) 12–24 UTC: 12:00–18:00 shared
        Instant friday = Instant.parse("2027-03-26T00:00:00Z");
        // after it Sofia (UTC+3) works 05–17 UTC: only 12:00–17:00 shared, so four-hour slots start by 13:00
        Instant monday = Instant.parse("2027-03-29T00:00:00Z");

        List<SlotRanking.Slot> before =
                SlotRanking.best(zones, friday, friday.plus(Duration.ofDays(1)), Duration.ofHours(4), 50);
        List<SlotRanking.Slot> after =
                SlotRanking.best(zones, monday, monday.plus(Duration.ofDays(1)), Duration.ofHours(4), 50);

        assertThat(before.stream().filter(s -> s.inside() == 2).map(SlotRanking.Slot::start))
                .containsExactly(
                        Instant.parse("2027-03-26T12:00:00Z"),
                        Instant.parse("2027-03-26T12:30:00Z"),
                        Instant.parse("2027-03-26T13:00:00Z"),
                        Instant.parse("2027-03-26T13:30:00Z"),
                        Instant.parse("2027-03-26T14:00:00Z"));
        assertThat(after.stream().filter(s -> s.inside() == 2).map(SlotRanking.Slot::start))
                .containsExactly(
                        Instant.parse("2027-03-29T12:00:00Z"),
                        Instant.parse("2027-03-29T12:30:00Z"),
                        Instant.parse("2027-03-29T13:00:00Z"));
    }

    @Test
    void the_weekend_is_the_one_of_the_invitees_country() {
        Instant friday = Instant.parse("2027-03-19T08:00:00Z"); // Friday 11:00 in Riyadh, 10:00 in Sofia
        Instant sunday = Instant.parse("2027-03-21T08:00:00Z");
        ZoneId riyadh = ZoneId.of("Asia/Riyadh");

        assertThat(WorkingHours.of(friday, friday.plusSeconds(3600), riyadh, Weekend.of("SA"))
                        .onWeekend())
                .isTrue();
        assertThat(WorkingHours.of(sunday, sunday.plusSeconds(3600), riyadh, Weekend.of("SA"))
                        .flagged())
                .isFalse();
        assertThat(WorkingHours.of(friday, friday.plusSeconds(3600), ZoneId.of("Europe/Sofia"), Weekend.of("BG"))
                        .flagged())
                .isFalse();
        assertThat(Weekend.of("NP").days()).containsExactly(java.time.DayOfWeek.SATURDAY);
        assertThat(Weekend.of(null)).isEqualTo(Weekend.DEFAULT);

        // a Friday-and-Sunday range: Riyadh is inside only on Sunday, Sofia only on Friday
        Map<String, Long> zones = Map.of("Asia/Riyadh", 1L, "Europe/Sofia", 1L);
        List<SlotRanking.Slot> best = SlotRanking.best(
                zones,
                zone -> zone.equals("Asia/Riyadh") ? Weekend.of("SA") : Weekend.of("BG"),
                Instant.parse("2027-03-19T00:00:00Z"),
                Instant.parse("2027-03-22T00:00:00Z"),
                Duration.ofHours(1),
                200);
        assertThat(best.stream().filter(s -> s.inside() == 2)).isEmpty();
        assertThat(best.stream()
                        .filter(s -> s.inside() == 1 && s.start().equals(Instant.parse("2027-03-21T08:00:00Z"))))
                .hasSize(1);
    }
}
