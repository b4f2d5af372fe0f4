package org.concordia.console.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementFormTest {

    private static AnnouncementForm form(String when, String date, String time, String zone) {
        return new AnnouncementForm(
                "org-1",
                "Семинар",
                "Текст",
                "",
                " ",
                "Seminar",
                "Text",
                List.of("organization_partners", "organization_members"),
                List.of("representative"),
                "meeting-1",
                when,
                date,
                time,
                zone,
                "",
                "key-1");
    }

    @Test
    void the_written_tabs_become_texts_and_the_api_fields_name_the_tab_they_belong_to() {
        AnnouncementForm form = form("now", "", "", "");

        assertThat(form.texts()).extracting(t -> t.get("language")).containsExactly("bg", "en");
        assertThat(form.fieldNames())
                .containsEntry("texts[0].subject", "subjectBg")
                .containsEntry("texts[1].body", "bodyEn")
                .containsEntry("targets", "audience");
        assertThat(form.request(ZoneId.of("Europe/Warsaw")))
                .doesNotContainKey("sendAt")
                .containsEntry("timeZone", "Europe/Warsaw");
    }

    @Test
    void the_audience_becomes_one_target_per_kind_with_the_roles_and_the_meeting_last() {
        assertThat(form("now", "", "", "").targets())
                .containsExactly(
                        Map.of(
                                "kind",
                                "organization_members",
                                "organizationId",
                                "org-1",
                                "roles",
                                List.of("representative")),
                        Map.of(
                                "kind",
                                "organization_partners",
                                "organizationId",
                                "org-1",
                                "roles",
                                List.of("representative")),
                        Map.of("kind", "meeting_participants", "meetingId", "meeting-1"));
    }

    @Test
    void a_later_time_is_read_in_the_zone_chosen_across_daylight_saving() {
        AnnouncementForm summer = form("later", "2030-07-01", "09:00", "Europe/Sofia");
        AnnouncementForm winter = form("later", "2030-12-01", "09:00", "Europe/Sofia");

        assertThat(summer.request(ZoneId.of("UTC")).get("sendAt")).isEqualTo("2030-07-01T09:00+03:00");
        assertThat(winter.request(ZoneId.of("UTC")).get("sendAt")).isEqualTo("2030-12-01T09:00+02:00");
        assertThat(form("later", "tomorrow", "9", "Mars/Base").unreadable())
                .containsOnlyKeys("date", "time", "timeZone");
        assertThat(form("now", "tomorrow", "9", "Mars/Base").unreadable()).isEmpty();
    }
}
