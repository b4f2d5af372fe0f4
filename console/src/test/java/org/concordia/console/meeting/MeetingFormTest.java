package org.concordia.console.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingFormTest {

    @Test
    void the_local_date_and_time_are_read_in_the_planning_zone_across_daylight_saving() {
        MeetingForm march = form("2027-03-29", "10:00", "90", "Europe/Sofia");
        MeetingForm january = form("2027-01-11", "10:00", "90", "Europe/Sofia");

        assertThat(march.start()).isEqualTo(OffsetDateTime.parse("2027-03-29T10:00+03:00"));
        assertThat(march.end()).isEqualTo(OffsetDateTime.parse("2027-03-29T11:30+03:00"));
        assertThat(january.start()).isEqualTo(OffsetDateTime.parse("2027-01-11T10:00+02:00"));
    }

    @Test
    void what_cannot_be_read_is_named_by_field_and_the_rest_is_kept() {
        MeetingForm typo = form("2027-02-30", "25:00", "5", "Europe/Sofa");

        assertThat(typo.unreadable()).containsOnlyKeys("date", "time", "durationMinutes", "timeZone");
        assertThat(typo.title()).isEqualTo("Forum");
        assertThat(typo.inviteeIds()).containsExactly("p-1", "p-2");
    }

    @Test
    void the_schedule_request_invites_each_chosen_person() {
        Map<String, Object> request =
                form("2027-01-11", "10:00", "60", "Europe/Warsaw").scheduleRequest("p-9");

        assertThat(request)
                .containsEntry("organizerId", "p-9")
                .containsEntry("timeZone", "Europe/Warsaw")
                .containsEntry("capacity", 1)
                .containsEntry(
                        "targets",
                        List.of(
                                Map.of("kind", "person", "personId", "p-1"),
                                Map.of("kind", "person", "personId", "p-2")));
    }

    @Test
    void the_conflict_check_sends_only_who_organizes_whom_and_when() {
        Map<String, Object> request =
                form("2027-01-11", "10:00", "60", "Europe/Warsaw").conflictsRequest("p-9");

        assertThat(request)
                .containsOnlyKeys("organizerId", "organizationId", "start", "end", "timeZone", "targets")
                .containsEntry("start", OffsetDateTime.parse("2027-01-11T10:00+01:00"))
                .containsEntry("end", OffsetDateTime.parse("2027-01-11T11:00+01:00"));
    }

    @Test
    void a_weekly_series_inviting_an_organization_with_a_seat_per_delegation() {
        MeetingForm series = new MeetingForm(
                "Forum",
                "",
                "o-1",
                "online",
                "https://meet.example/x",
                "2027-01-11",
                "10:00",
                "60",
                "Europe/Warsaw",
                "",
                "2",
                List.of(),
                List.of("o-2"),
                "weekly",
                "6");

        assertThat(series.unreadable()).isEmpty();
        assertThat(series.scheduleRequest("p-9"))
                .containsEntry("rrule", "FREQ=WEEKLY;COUNT=6")
                .containsEntry("seatsPerOrganization", 2)
                .containsEntry("targets", List.of(Map.of("kind", "organization_members", "organizationId", "o-2")));
        assertThat(series.at(java.time.LocalDateTime.parse("2027-01-12T09:00")).occurrences())
                .isEqualTo("6");
    }

    @Test
    void a_series_of_one_or_of_too_many_is_named_beside_its_field() {
        MeetingForm once = new MeetingForm(
                "Forum",
                "",
                "o-1",
                "online",
                "",
                "2027-01-11",
                "10:00",
                "60",
                "Europe/Warsaw",
                "",
                "x",
                List.of("p-1"),
                List.of(),
                "monthly",
                "1");

        assertThat(once.unreadable()).containsOnlyKeys("occurrences", "seatsPerOrganization");
    }

    private static MeetingForm form(String date, String time, String minutes, String zone) {
        return new MeetingForm(
                "Forum",
                "",
                "o-1",
                "online",
                "https://meet.example/x",
                date,
                time,
                minutes,
                zone,
                "1",
                "",
                List.of("p-1", "p-2"),
                List.of(),
                "once",
                "");
    }
}
