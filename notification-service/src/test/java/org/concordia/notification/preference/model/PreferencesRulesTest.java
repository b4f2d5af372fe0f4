package org.concordia.notification.preference.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferencesRulesTest {

    private static final Instant TUESDAY_2130_SOFIA = Instant.parse("2026-03-10T19:30:00Z");

    private static Preferences with(Digest digest, LocalTime quietFrom, LocalTime quietUntil) {
        return new Preferences(
                "p", Map.of("projects.email", true), digest, 8, DayOfWeek.MONDAY, quietFrom, quietUntil, 1);
    }

    @Test
    void an_opt_out_holds_for_its_category_and_channel_but_never_for_transactional_messages() {
        Preferences p = with(Digest.IMMEDIATELY, null, null);

        assertThat(p.wants("projects", "email", false)).isFalse();
        assertThat(p.wants("projects", "in_app", false)).isTrue();
        assertThat(p.wants("meetings", "email", false)).isTrue();
        assertThat(p.wants("projects", "email", true)).isTrue();
    }

    @Test
    void a_daily_digest_goes_out_at_the_chosen_local_hour() {
        assertThat(with(Digest.DAILY, null, null).emailDue(TUESDAY_2130_SOFIA, "Europe/Sofia", false))
                .isEqualTo(Instant.parse("2026-03-11T06:00:00Z"));
    }

    @Test
    void a_weekly_digest_waits_for_the_chosen_day_across_a_change_of_daylight_saving() {
        // Monday 16 March 08:00 in Warsaw is still winter time; the clocks change on 29 March
        assertThat(with(Digest.WEEKLY, null, null).emailDue(TUESDAY_2130_SOFIA, "Europe/Warsaw", false))
                .isEqualTo(Instant.parse("2026-03-16T07:00:00Z"));
        assertThat(with(Digest.WEEKLY, null, null)
                        .emailDue(Instant.parse("2026-03-24T10:00:00Z"), "Europe/Warsaw", false))
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void quiet_hours_hold_mail_until_they_end_but_not_transactional_mail() {
        Preferences quiet = with(Digest.IMMEDIATELY, LocalTime.of(21, 0), LocalTime.of(7, 0));

        assertThat(quiet.emailDue(TUESDAY_2130_SOFIA, "Europe/Sofia", false))
                .isEqualTo(Instant.parse("2026-03-11T05:00:00Z"));
        assertThat(quiet.emailDue(TUESDAY_2130_SOFIA, "Europe/Sofia", true)).isEqualTo(TUESDAY_2130_SOFIA);
        assertThat(quiet.emailDue(Instant.parse("2026-03-10T10:00:00Z"), "Europe/Sofia", false))
                .isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    }

    @Test
    void a_digest_collects_only_what_is_not_transactional() {
        assertThat(with(Digest.DAILY, null, null).digested(false)).isTrue();
        assertThat(with(Digest.WEEKLY, null, null).digested(false)).isTrue();
        assertThat(with(Digest.DAILY, null, null).digested(true)).isFalse();
        assertThat(with(Digest.IMMEDIATELY, null, null).digested(false)).isFalse();
    }

    @Test
    void every_e_mail_of_a_day_falls_into_the_same_digest_even_when_its_hour_is_quiet() {
        Preferences p = with(Digest.DAILY, LocalTime.of(6, 0), LocalTime.of(9, 0));

        Instant morning = p.emailDue(Instant.parse("2026-03-10T07:30:00Z"), "Europe/Sofia", false);
        Instant evening = p.emailDue(Instant.parse("2026-03-10T21:59:00Z"), "Europe/Sofia", false);

        assertThat(morning).isEqualTo(evening).isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
    }
}
