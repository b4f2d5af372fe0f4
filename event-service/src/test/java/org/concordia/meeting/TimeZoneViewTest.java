package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.World;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A coordinator looks at a draft in every invitee's zone and asks for the best slots across Europe's DST change. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeZoneViewTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    private Api api;
    private World world;
    private String sofia;
    private String newYork;
    private String riyadh;

    @BeforeAll
    void world() {
        // the draft views are for people who plan meetings: a coordinator of some organization
        api = new Api(port)
                .as(TestIssuer.get()
                        .person(World.newId())
                        .member(World.newId(), "coordinator")
                        .sign());
        world = new World(directory);
        sofia = world.person("Георги Петров", "Europe/Sofia");
        newYork = world.person("Daniel Carter", "America/New_York");
        riyadh = world.person("Fatimah Al-Harbi", "Asia/Riyadh");
        world.awaitPerson(sofia, newYork, riyadh);
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void a_draft_shows_each_invitee_their_local_time_and_flags_the_night() {
        JsonNode view = api.post(
                        "/api/v1/time-zone-view",
                        json(Map.of(
                                "start", "2027-03-18T10:00:00+02:00",
                                "end", "2027-03-18T11:00:00+02:00",
                                "targets", List.of(Drafts.person(sofia), Drafts.person(newYork)))))
                .json();

        assertThat(view.path("invitees").asLong()).isEqualTo(2);
        assertThat(view.path("flagged").asLong()).isEqualTo(1);
        assertThat(view.path("zones").findValuesAsString("localStart"))
                .containsExactlyInAnyOrder("2027-03-18T04:00:00-04:00", "2027-03-18T10:00:00+02:00");
    }

    @Test
    void the_slot_finder_proposes_the_shared_working_hours_and_follows_the_dst_change_in_its_range() {
        JsonNode found = api.post(
                        "/api/v1/slot-finder",
                        json(Map.of(
                                "targets",
                                List.of(Drafts.person(sofia), Drafts.person(newYork)),
                                "durationMinutes",
                                240,
                                "from",
                                "2027-03-26",
                                "to",
                                "2027-03-29",
                                "timeZone",
                                "Europe/Sofia",
                                "limit",
                                20)))
                .json();

        assertThat(found.path("invitees").asLong()).isEqualTo(2);
        List<OffsetDateTime> both = new java.util.ArrayList<>();
        found.path("slots").forEach(slot -> {
            if (slot.path("inside").asLong() == 2) {
                both.add(OffsetDateTime.parse(slot.path("start").asString()));
            }
        });
        // Friday before the change: 14:00–16:00 Sofia (UTC+2); Monday after it: 15:00–16:00 Sofia (UTC+3)
        assertThat(both.stream().map(OffsetDateTime::toString))
                .containsExactly(
                        "2027-03-26T14:00+02:00",
                        "2027-03-26T14:30+02:00",
                        "2027-03-26T15:00+02:00",
                        "2027-03-26T15:30+02:00",
                        "2027-03-26T16:00+02:00",
                        "2027-03-29T15:00+03:00",
                        "2027-03-29T15:30+03:00",
                        "2027-03-29T16:00+03:00");
    }

    @Test
    void a_friday_is_the_weekend_in_riyadh_and_a_working_day_in_sofia() {
        JsonNode friday = api.post(
                        "/api/v1/time-zone-view",
                        json(Map.of(
                                "start", "2027-03-19T10:00:00+02:00",
                                "end", "2027-03-19T11:00:00+02:00",
                                "targets", List.of(Drafts.person(sofia), Drafts.person(riyadh)))))
                .json();
        assertThat(friday.path("flagged").asLong()).isEqualTo(1);
        JsonNode inRiyadh = zone(friday, "Asia/Riyadh");
        assertThat(inRiyadh.path("onWeekend").asBoolean()).isTrue();
        assertThat(inRiyadh.path("country").asString()).isEqualTo("SA");
        assertThat(List.of(
                        inRiyadh.path("weekend").get(0).asString(),
                        inRiyadh.path("weekend").get(1).asString()))
                .containsExactly("FRIDAY", "SATURDAY");
        assertThat(zone(friday, "Europe/Sofia").path("onWeekend").asBoolean()).isFalse();

        // on Sunday it is the other way round; the slot finder sees it too
        JsonNode found = api.post(
                        "/api/v1/slot-finder",
                        json(Map.of(
                                "targets",
                                List.of(Drafts.person(riyadh)),
                                "durationMinutes",
                                60,
                                "from",
                                "2027-03-19",
                                "to",
                                "2027-03-21",
                                "timeZone",
                                "Asia/Riyadh",
                                "limit",
                                1)))
                .json();
        assertThat(found.path("slots").get(0).path("start").asString()).startsWith("2027-03-21T08:00");
        assertThat(found.path("slots").get(0).path("inside").asLong()).isEqualTo(1);
    }

    private static JsonNode zone(JsonNode view, String zone) {
        for (JsonNode entry : view.path("zones")) {
            if (entry.path("timeZone").asString().equals(zone)) {
                return entry;
            }
        }
        throw new AssertionError("no zone " + zone + " in " + view);
    }
}
