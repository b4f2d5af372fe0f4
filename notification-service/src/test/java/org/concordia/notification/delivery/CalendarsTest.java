package org.concordia.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.concordia.notification.notice.model.Invitation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The invitation a calendar receives: a series with its rule, one occurrence by its RECURRENCE-ID, a single meeting. */
class CalendarsTest {

    private static final Instant START = Instant.parse("2026-12-03T15:00:00Z");
    private static final Instant STAMP = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_series_carries_its_rule_so_the_calendar_holds_every_occurrence() throws Exception {
        VEvent event = event(invitation(null, "FREQ=WEEKLY;COUNT=4"));

        assertThat(value(event, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=4");
        assertThat(value(event, "RECURRENCE-ID")).isNull();
        assertThat(event.getProperty("DTSTART").orElseThrow().toString()).contains("TZID=America/New_York");
    }

    @Test
    void a_change_to_one_occurrence_names_it_and_carries_no_rule() throws Exception {
        VEvent event = event(invitation(START.plusSeconds(7 * 24 * 3600), "FREQ=WEEKLY;COUNT=4"));

        assertThat(value(event, "RRULE")).isNull();
        assertThat(value(event, "RECURRENCE-ID")).isEqualTo("20261210T100000");
    }

    @Test
    void a_single_meeting_has_no_rule() throws Exception {
        assertThat(value(event(invitation(null, null)), "RRULE")).isNull();
    }

    private static Invitation invitation(@Nullable Instant recurrenceId, @Nullable String rrule) {
        return new Invitation(
                "meeting-1",
                3,
                false,
                "International coordination call",
                START,
                START.plusSeconds(3600),
                "America/New_York",
                null,
                "Daniel Carter",
                "daniel@allatra.example",
                recurrenceId,
                rrule);
    }

    private static VEvent event(Invitation invitation) throws Exception {
        String ics = Calendars.ics(invitation, "Elena Dimitrova", "elena@plovdiv.example", STAMP);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static @Nullable String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }
}
