package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.MeetingTopic;
import org.concordia.meeting.support.World;
import org.concordia.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** A coordinator schedules, reschedules, changes and cancels a meeting; each step is published through the broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingLifecycleTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

    private Api api;
    private World world;
    private World.Coordinated centre;
    private String invitee;

    @BeforeAll
    void world() {
        world = new World(directory);
        centre = world.coordinated("ALLATRA centre", "America/New_York");
        invitee = world.person("Мария Иванова", "Europe/Sofia");
        world.awaitPerson(invitee);
        api = new Api(port).as(world.tokenOf(centre.coordinatorId()));
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void a_scheduled_meeting_is_rescheduled_changed_and_cancelled_and_each_change_is_published() {
        Response scheduled = api.post(
                "/api/v1/meetings",
                json(Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee)),
                Map.of("Idempotency-Key", "lifecycle-" + World.newId()));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        String id = scheduled.field("id");
        assertThat(scheduled.etag()).isEqualTo("\"0\"");
        assertThat(scheduled.location()).endsWith("/api/v1/meetings/" + id);
        assertThat(scheduled.field("start")).isEqualTo("2027-03-18T10:00:00+02:00");
        assertThat(scheduled.json().path("invitees").get(0).path("fullName").asString())
                .isEqualTo("Мария Иванова");

        Response rescheduled = api.post(
                "/api/v1/meetings/" + id + "/reschedule",
                json(Map.of("start", "2027-03-19T15:00:00+02:00", "end", "2027-03-19T16:30:00+02:00")),
                Map.of("If-Match", "\"0\""));
        assertThat(rescheduled.status()).as(rescheduled.text()).isEqualTo(200);
        assertThat(rescheduled.json().path("sequence").asInt()).isEqualTo(1);

        Response stale = api.post(
                "/api/v1/meetings/" + id + "/reschedule",
                json(Map.of("start", "2027-03-20T15:00:00+02:00", "end", "2027-03-20T16:30:00+02:00")),
                Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);

        Response changed = api.patch(
                "/api/v1/meetings/" + id,
                json(Map.of("title", "Spring coordination call", "capacity", 30)),
                Map.of("If-Match", rescheduled.etag()));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("sequence").asInt()).isEqualTo(2);

        Response cancelled =
                api.post("/api/v1/meetings/" + id + "/cancel", json(Map.of("reason", "The centre moved the call")));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.field("status")).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/meetings/" + id + "/cancel", null).field("sequence"))
                .as("cancelling twice changes nothing")
                .isEqualTo("3");

        try (MeetingTopic topic = new MeetingTopic()) {
            var records = topic.await(id, "scheduled", "rescheduled", "details-changed", "cancelled");
            assertThat(MeetingTopic.types(records))
                    .containsExactly(
                            "concordia.meeting.scheduled.v1",
                            "concordia.meeting.rescheduled.v1",
                            "concordia.meeting.details-changed.v1",
                            "concordia.meeting.cancelled.v1");
            JsonNode first = MeetingTopic.payload(records, "scheduled");
            assertThat(first.path("organizationId").asString()).isEqualTo(centre.organizationId());
            assertThat(first.path("organizerEmail").asString()).contains("@example.org");
            assertThat(first.path("targets").get(0).path("kind").asString()).isEqualTo("person");
            assertThat(first.path("invitees").get(0).path("timeZone").asString())
                    .isEqualTo("Europe/Sofia");
            assertThat(first.path("reminderMinutesBefore").toString()).isEqualTo("[1440,60]");
            assertThat(first.path("agenda").get(0).path("title").asString()).isEqualTo("Round of news");
            JsonNode moved = MeetingTopic.payload(records, "rescheduled");
            assertThat(moved.path("previousStart").asString()).isEqualTo("2027-03-18T08:00:00Z");
            assertThat(moved.path("start").asString()).isEqualTo("2027-03-19T13:00:00Z");
            assertThat(moved.path("sequence").asInt()).isEqualTo(1);
            JsonNode details = MeetingTopic.payload(records, "details-changed");
            assertThat(details.path("changes").findValuesAsString("field")).containsExactly("title", "capacity");
            assertThat(MeetingTopic.payload(records, "cancelled").path("reason").asString())
                    .isEqualTo("The centre moved the call");
        }
    }

    @Test
    void a_retried_scheduling_creates_nothing_twice() {
        String key = "retry-" + World.newId();
        String body = json(Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee));
        Response first = api.post("/api/v1/meetings", body, Map.of("Idempotency-Key", key));
        Response second = api.post("/api/v1/meetings", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.field("id")).isEqualTo(first.field("id"));
    }

    @Test
    void invitees_with_an_accepted_overlapping_meeting_are_reported_and_the_meeting_is_scheduled_anyway() {
        String first = api.post(
                        "/api/v1/meetings",
                        json(with(
                                Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee),
                                "start",
                                "2027-05-10T10:00:00+03:00",
                                "end",
                                "2027-05-10T12:00:00+03:00",
                                "registrationDeadline",
                                null)))
                .field("id");
        Response accepted = api.as(world.tokenOf(invitee))
                .post(
                        "/api/v1/meetings/" + first + "/registrations",
                        json(Map.of("personId", invitee, "answer", "accepted")));
        assertThat(accepted.field("status")).as(accepted.text()).isEqualTo("confirmed");

        Response overlapping = api.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee),
                        "start",
                        "2027-05-10T11:00:00+03:00",
                        "end",
                        "2027-05-10T13:00:00+03:00",
                        "registrationDeadline",
                        null)));
        assertThat(overlapping.status()).isEqualTo(201);
        JsonNode conflicts = overlapping.json().path("conflicts");
        assertThat(conflicts.findValuesAsString("meetingId")).containsExactly(first);
        assertThat(conflicts.findValuesAsString("personId")).containsExactly(invitee);
    }

    @Test
    void a_draft_is_checked_for_conflicts_before_saving_and_the_check_stores_and_publishes_nothing() {
        String held = api.post(
                        "/api/v1/meetings",
                        json(with(
                                Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee),
                                "title",
                                "Partners' call",
                                "start",
                                "2027-05-27T10:00:00+03:00",
                                "end",
                                "2027-05-27T12:00:00+03:00",
                                "registrationDeadline",
                                null)))
                .field("id");
        Response accepted = api.as(world.tokenOf(invitee))
                .post(
                        "/api/v1/meetings/" + held + "/registrations",
                        json(Map.of("personId", invitee, "answer", "accepted")));
        assertThat(accepted.field("status")).as(accepted.text()).isEqualTo("confirmed");
        try (MeetingTopic topic = new MeetingTopic()) {
            // what the meeting and the answer publish is out before counting
            topic.await(held, "scheduled", "registration-confirmed");
        }
        relay.sweep();
        long meetingsBefore = mongo.getCollection("meetings").countDocuments();
        long registrationsBefore = mongo.getCollection("registrations").countDocuments();
        double publishedBefore = published();

        // a weekly pair whose second occurrence overlaps the accepted meeting
        Map<String, Object> draft = with(
                Drafts.conflictCheck(Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee)),
                "start",
                "2027-05-20T11:00:00+03:00",
                "end",
                "2027-05-20T13:00:00+03:00",
                "rrule",
                "FREQ=WEEKLY;COUNT=2");
        Response checked = api.post("/api/v1/meetings/conflicts", json(draft));
        assertThat(checked.status()).as(checked.text()).isEqualTo(200);
        JsonNode conflict = checked.json().path("conflicts").get(0);
        assertThat(checked.json().path("conflicts")).hasSize(1);
        assertThat(conflict.path("personId").asString()).isEqualTo(invitee);
        assertThat(conflict.path("fullName").asString()).isEqualTo("Мария Иванова");
        assertThat(conflict.path("meetingId").asString()).isEqualTo(held);
        assertThat(conflict.path("title").asString()).isEqualTo("Partners' call");
        assertThat(conflict.path("start").asString()).isEqualTo("2027-05-27T07:00:00Z");

        Response free = api.post("/api/v1/meetings/conflicts", json(with(draft, "rrule", null)));
        assertThat(free.status()).as(free.text()).isEqualTo(200);
        assertThat(free.json().path("conflicts")).isEmpty();

        relay.sweep();
        assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(meetingsBefore);
        assertThat(mongo.getCollection("registrations").countDocuments()).isEqualTo(registrationsBefore);
        assertThat(relay.pendingAggregates()).isZero();
        assertThat(published()).as("nothing published by a check").isEqualTo(publishedBefore);
    }

    private double published() {
        var counter = meters.find("concordia.outbox.published").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_milestone_cancelled_in_project_service_is_shown_on_its_meeting() {
        String partner = world.organization("Verein Wiener Integrationsnetz", null);
        String project = world.project(centre.organizationId(), partner);
        String milestone = world.milestone(project, "study_visit", LocalDate.of(2027, 6, 8));
        world.awaitProject(project, p -> p.milestone(milestone).isPresent() && p.takesPart(partner));
        Response scheduled = api.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(centre.coordinatorId(), centre.organizationId(), invitee),
                        "title",
                        "Study visit in Vienna",
                        "projectId",
                        project,
                        "milestoneId",
                        milestone,
                        "seatsPerOrganization",
                        2,
                        "targets",
                        List.of(Map.of("kind", "project_partners", "projectId", project)))));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        assertThat(scheduled.json().path("milestone").path("attention").asBoolean())
                .isFalse();

        world.feed()
                .publish(new MilestoneCancelled(
                        project,
                        "Project",
                        milestone,
                        "study_visit",
                        "Study visit",
                        "AT",
                        "Wien",
                        LocalDate.of(2027, 6, 8),
                        "Hosts unavailable",
                        java.time.Instant.now()));
        world.awaitProject(
                project,
                p -> "cancelled".equals(p.milestone(milestone).orElseThrow().status()));

        JsonNode notice =
                api.get("/api/v1/meetings/" + scheduled.field("id")).json().path("milestone");
        assertThat(notice.path("status").asString()).isEqualTo("cancelled");
        assertThat(notice.path("reason").asString()).isEqualTo("Hosts unavailable");
        assertThat(notice.path("attention").asBoolean()).isTrue();
    }
}
