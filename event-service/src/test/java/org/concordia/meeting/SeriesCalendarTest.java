package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.MeetingTopic;
import org.concordia.meeting.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A weekly series planned in Sofia, with invitees in New York and Sydney, across the 2027 spring changes: one
 * occurrence moved, one cancelled, minutes carrying an action item into the next agenda; its iCalendar file and a
 * person's feed, parsed back with ical4j, give the same local times as the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesCalendarTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    private Api api;
    private World world;
    private World.Coordinated centre;
    private String newYork;
    private String sydney;

    @BeforeAll
    void world() {
        world = new World(directory);
        centre = world.coordinated("ALLATRA Bulgaria", "Europe/Sofia");
        api = new Api(port).as(world.tokenOf(centre.coordinatorId()));
        newYork = world.person("Daniel Carter", "America/New_York");
        sydney = world.person("Olivia Bennett", "Australia/Sydney");
        world.awaitPerson(newYork, sydney);
    }

    @AfterAll
    void close() {
        world.close();
    }

    private String weeklySeries(String start, int count) {
        Response scheduled = api.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(centre.coordinatorId(), centre.organizationId(), newYork),
                        "title",
                        "International coordination meeting",
                        "start",
                        start,
                        "end",
                        OffsetDateTime.parse(start).plusHours(1).toString(),
                        "rrule",
                        "FREQ=WEEKLY;COUNT=" + count,
                        "registrationDeadline",
                        null,
                        "targets",
                        List.of(Drafts.person(newYork), Drafts.person(sydney)))));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        return scheduled.field("id");
    }

    @Test
    void a_weekly_series_keeps_ten_in_sofia_and_its_ics_reads_back_to_the_times_the_api_shows() throws Exception {
        String id = weeklySeries("2027-03-18T10:00:00+02:00", 4);
        JsonNode meeting = api.get("/api/v1/meetings/" + id).json();
        List<String> apiStarts = new ArrayList<>();
        meeting.path("occurrences").forEach(o -> apiStarts.add(o.path("start").asString()));
        assertThat(apiStarts)
                .containsExactly(
                        "2027-03-18T10:00:00+02:00",
                        "2027-03-25T10:00:00+02:00",
                        "2027-04-01T10:00:00+03:00",
                        "2027-04-08T10:00:00+03:00");

        // Sydney's local times of the third occurrence (after Sofia's change, before Sydney's own)
        JsonNode third = api.get("/api/v1/meetings/" + id + "/local-times?occurrence=2027-04-01T07:00:00Z")
                .json();
        assertThat(zone(third, "Australia/Sydney").path("localStart").asString())
                .isEqualTo("2027-04-01T18:00:00+11:00");
        assertThat(zone(third, "America/New_York").path("localStart").asString())
                .isEqualTo("2027-04-01T03:00:00-04:00");
        assertThat(zone(third, "America/New_York").path("outsideWorkingHours").asBoolean())
                .isTrue();
        // the fourth, after Sydney's own change on 4 April: 10:00 Sofia (UTC+3) is 17:00 in Sydney (AEST, UTC+10)
        JsonNode fourth = api.get("/api/v1/meetings/" + id + "/local-times?occurrence=2027-04-08T07:00:00Z")
                .json();
        assertThat(zone(fourth, "Australia/Sydney").path("localStart").asString())
                .isEqualTo("2027-04-08T17:00:00+10:00");
        assertThat(zone(fourth, "America/New_York").path("localStart").asString())
                .isEqualTo("2027-04-08T03:00:00-04:00");

        // move the second occurrence to Friday, cancel the third
        Response moved = api.post(
                "/api/v1/meetings/" + id + "/occurrences/2027-03-25T10:00:00+02:00/reschedule",
                json(Map.of("start", "2027-03-26T11:00:00+02:00", "end", "2027-03-26T12:00:00+02:00")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        Response cancelled = api.post(
                "/api/v1/meetings/" + id + "/occurrences/2027-04-01T10:00:00+03:00/cancel",
                json(Map.of("reason", "Easter")));
        assertThat(cancelled.json().path("sequence").asInt()).isEqualTo(2);

        Response ics = api.get("/api/v1/meetings/" + id + ".ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.text()));
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        List<VEvent> events = events(calendar);
        assertThat(events).hasSize(2);
        VEvent master = events.stream()
                .filter(e -> e.getProperty("RECURRENCE-ID").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(value(master, "UID")).isEqualTo(id);
        assertThat(value(master, "SEQUENCE")).isEqualTo("2");
        assertThat(value(master, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=4");
        assertThat(master.getProperty("EXDATE")
                        .map(p -> ((Property) p).toString())
                        .orElseThrow())
                .contains("TZID=Europe/Sofia")
                .contains("20270401T100000");
        assertThat(value(master, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(master.getProperties("ATTENDEE")).hasSize(2);
        assertThat(master.getProperty("ORGANIZER")).isPresent();

        // a reader computes the same local times as the API shows
        Instant masterStart = instant(master.getDateTimeStart().getDate());
        assertThat(masterStart.atZone(ZoneId.of("Europe/Sofia")).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse(apiStarts.get(0)));
        VEvent movedEvent = events.stream()
                .filter(e -> e.getProperty("RECURRENCE-ID").isPresent())
                .findFirst()
                .orElseThrow();
        JsonNode after = api.get("/api/v1/meetings/" + id).json();
        assertThat(instant(movedEvent.getDateTimeStart().getDate()))
                .isEqualTo(OffsetDateTime.parse(
                                after.path("occurrences").get(1).path("start").asString())
                        .toInstant());
        assertThat(instant(movedEvent.getDateTimeStart().getDate()).atZone(ZoneId.of("Australia/Sydney")))
                .isEqualTo(ZonedDateTime.parse("2027-03-26T20:00+11:00[Australia/Sydney]"));

        try (MeetingTopic topic = new MeetingTopic()) {
            var records = topic.await(id, "scheduled", "occurrence-rescheduled", "occurrence-cancelled");
            JsonNode scheduled = MeetingTopic.payload(records, "scheduled");
            assertThat(scheduled.path("rrule").asString()).isEqualTo("FREQ=WEEKLY;COUNT=4");
            assertThat(scheduled.path("occurrenceStarts")).hasSize(4);
            assertThat(MeetingTopic.payload(records, "occurrence-rescheduled")
                            .path("previousStart")
                            .asString())
                    .isEqualTo("2027-03-25T08:00:00Z");
            assertThat(MeetingTopic.payload(records, "occurrence-cancelled")
                            .path("recurrenceId")
                            .asString())
                    .isEqualTo("2027-04-01T07:00:00Z");
        }

        Response whole = api.post("/api/v1/meetings/" + id + "/cancel", json(Map.of("reason", "Merged")));
        Calendar gone = new CalendarBuilder()
                .build(new StringReader(
                        api.get("/api/v1/meetings/" + id + ".ics").text()));
        assertThat(value(events(gone).get(0), "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(events(gone).get(0), "SEQUENCE")).isEqualTo(whole.field("sequence"));
    }

    @Test
    void open_action_items_of_a_past_occurrence_are_carried_into_the_next_agenda_until_closed() {
        String id = weeklySeries("2026-11-05T10:00:00+02:00", 20);
        Response published = api.post(
                "/api/v1/meetings/" + id + "/minutes",
                json(Map.of(
                        "occurrence",
                        "2026-11-05T10:00:00+02:00",
                        "summary",
                        "Reports from the regions",
                        "decisions",
                        List.of("Translate the handbook"),
                        "actionItems",
                        List.of(Map.of("description", "Send the Sydney report", "ownerName", "Olivia Bennett")))));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/meetings/" + id + "/minutes",
                                json(Map.of("occurrence", "2026-11-05T10:00:00+02:00", "summary", "again")))
                        .status())
                .isEqualTo(409);

        JsonNode agenda = api.get("/api/v1/meetings/" + id + "/agenda").json();
        JsonNode carried = agenda.path("items").get(agenda.path("items").size() - 1);
        assertThat(carried.path("title").asString()).isEqualTo("Send the Sydney report");
        assertThat(carried.path("carriedOver").asBoolean()).isTrue();

        Response corrected = api.call(
                org.springframework.http.HttpMethod.PUT,
                "/api/v1/meetings/" + id + "/minutes",
                json(Map.of(
                        "occurrence", "2026-11-05T10:00:00+02:00",
                        "summary", "Reports from the regions (corrected)",
                        "changeNote", "Kenya's report added")),
                Map.of());
        assertThat(corrected.json().path("minutes").get(0).path("revision").asInt())
                .isEqualTo(2);
        String itemId = published
                .json()
                .path("minutes")
                .get(0)
                .path("actionItems")
                .get(0)
                .path("id")
                .asString();
        api.post("/api/v1/meetings/" + id + "/action-items/" + itemId + "/close", null);
        try (MeetingTopic topic = new MeetingTopic()) {
            var records = topic.await(id, "minutes-published", "minutes-corrected");
            assertThat(MeetingTopic.payload(records, "minutes-corrected")
                            .path("revision")
                            .asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void a_persons_feed_lists_their_meetings_and_a_renewed_token_retires_the_old_one() throws Exception {
        String id = weeklySeries("2027-10-28T10:00:00+03:00", 3);
        Api olivia = api.as(world.tokenOf(sydney));
        olivia.post(
                "/api/v1/meetings/" + id + "/registrations", json(Map.of("personId", sydney, "answer", "accepted")));

        String oldUrl = olivia.post("/api/v1/people/" + sydney + "/calendar-token", null)
                .field("url");
        String path = oldUrl.substring(oldUrl.indexOf("/api/"));
        Calendar feed =
                new CalendarBuilder().build(new StringReader(api.get(path).text()));
        VEvent event = events(feed).stream()
                .filter(e -> value(e, "UID").equals(id)
                        && e.getProperty("RECURRENCE-ID").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(event.getProperty("ATTENDEE")
                        .map(p -> ((Property) p).toString())
                        .orElseThrow())
                .contains("PARTSTAT=ACCEPTED");
        // 28 October 10:00 in Sofia (still EEST) is 18:00 in Sydney (AEDT since 3 October)
        assertThat(instant(event.getDateTimeStart().getDate()).atZone(ZoneId.of("Australia/Sydney")))
                .isEqualTo(ZonedDateTime.parse("2027-10-28T18:00+11:00[Australia/Sydney]"));

        String renewed = olivia.post("/api/v1/people/" + sydney + "/calendar-token", null)
                .field("url");
        assertThat(renewed).isNotEqualTo(oldUrl);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get(renewed.substring(renewed.indexOf("/api/"))).status())
                .isEqualTo(200);
    }

    @Test
    void an_autumn_series_stays_at_ten_in_sofia_while_new_york_and_sydney_change_on_other_days() {
        // Europe leaves summer time on 31 October 2027, New York on 7 November; Sydney entered it on 3 October
        String id = weeklySeries("2027-10-21T10:00:00+03:00", 4);
        List<String> starts = new ArrayList<>();
        api.get("/api/v1/meetings/" + id)
                .json()
                .path("occurrences")
                .forEach(o -> starts.add(o.path("start").asString()));
        assertThat(starts)
                .containsExactly(
                        "2027-10-21T10:00:00+03:00",
                        "2027-10-28T10:00:00+03:00",
                        "2027-11-04T10:00:00+02:00",
                        "2027-11-11T10:00:00+02:00");
        Map<String, List<String>> expected = Map.of(
                "2027-10-28T07:00:00Z", List.of("2027-10-28T03:00:00-04:00", "2027-10-28T18:00:00+11:00"),
                // Sofia has changed, New York not yet: an hour later there, and in Sydney
                "2027-11-04T08:00:00Z", List.of("2027-11-04T04:00:00-04:00", "2027-11-04T19:00:00+11:00"),
                "2027-11-11T08:00:00Z", List.of("2027-11-11T03:00:00-05:00", "2027-11-11T19:00:00+11:00"));
        expected.forEach((occurrence, local) -> {
            JsonNode view = api.get("/api/v1/meetings/" + id + "/local-times?occurrence=" + occurrence)
                    .json();
            assertThat(zone(view, "America/New_York").path("localStart").asString())
                    .isEqualTo(local.get(0));
            assertThat(zone(view, "Australia/Sydney").path("localStart").asString())
                    .isEqualTo(local.get(1));
        });
        try (MeetingTopic topic = new MeetingTopic()) {
            JsonNode scheduled = MeetingTopic.payload(topic.await(id, "scheduled"), "scheduled");
            List<String> published = new ArrayList<>();
            scheduled.path("occurrenceStarts").forEach(start -> published.add(start.asString()));
            assertThat(published)
                    .containsExactly(
                            "2027-10-21T07:00:00Z",
                            "2027-10-28T07:00:00Z",
                            "2027-11-04T08:00:00Z",
                            "2027-11-11T08:00:00Z");
        }
    }

    @Test
    void rescheduling_the_whole_series_keeps_the_occurrence_moved_and_the_one_cancelled_on_their_own()
            throws Exception {
        // Thursdays 10:00 Sofia, after the autumn change (EET, UTC+2)
        String id = weeklySeries("2027-11-04T10:00:00+02:00", 4);
        Response moved = api.post(
                "/api/v1/meetings/" + id + "/occurrences/2027-11-11T10:00:00+02:00/reschedule",
                json(Map.of("start", "2027-11-12T15:00:00+02:00", "end", "2027-11-12T16:00:00+02:00")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        api.post(
                "/api/v1/meetings/" + id + "/occurrences/2027-11-18T10:00:00+02:00/cancel",
                json(Map.of("reason", "Regional elections")));

        Response later = api.post(
                "/api/v1/meetings/" + id + "/reschedule",
                json(Map.of("start", "2027-11-04T12:00:00+02:00", "end", "2027-11-04T13:00:00+02:00")));
        assertThat(later.status()).as(later.text()).isEqualTo(200);

        JsonNode occurrences = later.json().path("occurrences");
        assertThat(occurrences.findValuesAsString("recurrenceId"))
                .containsExactly(
                        "2027-11-04T12:00:00+02:00",
                        "2027-11-11T12:00:00+02:00",
                        "2027-11-18T12:00:00+02:00",
                        "2027-11-25T12:00:00+02:00");
        assertThat(occurrences.get(1).path("start").asString()).isEqualTo("2027-11-12T15:00:00+02:00");
        assertThat(occurrences.get(1).path("moved").asBoolean()).isTrue();
        assertThat(occurrences.get(2).path("cancelled").asBoolean()).isTrue();
        assertThat(occurrences.get(2).path("cancellationReason").asString()).isEqualTo("Regional elections");
        assertThat(occurrences.get(3).path("start").asString()).isEqualTo("2027-11-25T12:00:00+02:00");

        Calendar calendar = new CalendarBuilder()
                .build(new StringReader(
                        api.get("/api/v1/meetings/" + id + ".ics").text()));
        VEvent master = events(calendar).stream()
                .filter(e -> e.getProperty("RECURRENCE-ID").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(master.getProperty("EXDATE")
                        .map(p -> ((Property) p).toString())
                        .orElseThrow())
                .contains("20271118T120000")
                .doesNotContain("20271118T100000");
        VEvent override = events(calendar).stream()
                .filter(e -> e.getProperty("RECURRENCE-ID").isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(override.getProperty("RECURRENCE-ID")
                        .map(p -> ((Property) p).toString())
                        .orElseThrow())
                .contains("20271111T120000");
        assertThat(instant(override.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2027-11-12T13:00:00Z"));
        assertThat(value(master, "SEQUENCE")).isEqualTo("3");
    }

    private static List<VEvent> events(Calendar calendar) {
        List<VEvent> events = new ArrayList<>();
        for (CalendarComponent component : calendar.getComponents("VEVENT")) {
            events.add((VEvent) component);
        }
        return events;
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow();
    }

    private static Instant instant(Temporal temporal) {
        return temporal instanceof ZonedDateTime zoned ? zoned.toInstant() : Instant.from(temporal);
    }

    private static JsonNode zone(JsonNode view, String zone) {
        for (JsonNode entry : view.path("zones")) {
            if (zone.equals(entry.path("timeZone").asString())) {
                return entry;
            }
        }
        throw new AssertionError(zone + " not in " + view);
    }
}
