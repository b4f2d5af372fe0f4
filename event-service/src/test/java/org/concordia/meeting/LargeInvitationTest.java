package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.meeting.ScheduleMeeting;
import org.concordia.meeting.meeting.Scheduled;
import org.concordia.meeting.meeting.Scheduling;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingFormat;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.concordia.meeting.meeting.model.Timing;
import org.concordia.meeting.registration.Registering;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.MeetingTopic;
import org.concordia.meeting.support.StoreOperations;
import org.concordia.meeting.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A movement invites its whole membership, 100,000 people: the meeting stays one small event of targets, scheduling
 * and answering cost a handful of store operations, and the time-zone view streams the members into a few zones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeInvitationTest extends IntegrationTest {

    private static final int MEMBERS = 100_000;
    private static final List<String> ZONES =
            List.of("America/New_York", "Europe/Sofia", "Africa/Nairobi", "Asia/Kolkata", "Australia/Sydney");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Scheduling scheduling;

    @Autowired
    Registering registering;

    private World world;
    private World.Coordinated centre;
    private String movement;

    @BeforeAll
    void aMovementOfAHundredThousand() {
        world = new World(directory);
        centre = world.coordinated("Coordination centre", "America/New_York");
        movement = world.organization("International movement", null);
        world.awaitOrganization(movement);
        // the read model as 100,000 MemberJoined events would leave it, written in bulk to keep the test short
        Date joined = Date.from(Instant.now());
        for (int batch = 0; batch < MEMBERS / 5_000; batch++) {
            List<Document> people = new ArrayList<>();
            List<Document> memberships = new ArrayList<>();
            for (int i = batch * 5_000; i < (batch + 1) * 5_000; i++) {
                String person = movement + "-member-" + i;
                people.add(new Document("_id", person)
                        .append("fullName", "Member " + i)
                        .append("email", "member" + i + "@example.org")
                        .append("preferredLanguage", "en")
                        .append("timeZone", ZONES.get(i % ZONES.size()))
                        .append("version", 0L));
                memberships.add(new Document("_id", movement + ":" + person)
                        .append("organizationId", movement)
                        .append("personId", person)
                        .append("roles", List.of("member"))
                        .append("active", true)
                        .append("membershipId", "m-" + i)
                        .append("lastEventAt", joined));
            }
            mongo.getCollection("directory_people").insertMany(people);
            mongo.getCollection("directory_memberships").insertMany(memberships);
        }
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void inviting_a_hundred_thousand_members_is_one_small_event_and_a_few_store_operations() {
        String id = World.newId();
        ScheduleMeeting request = new ScheduleMeeting(
                id,
                centre.coordinatorId(),
                centre.organizationId(),
                null,
                null,
                new MeetingDetails(
                        "International coordination meeting",
                        "All members are welcome",
                        MeetingFormat.ONLINE,
                        null,
                        "https://meet.example.org/all",
                        List.of(),
                        null,
                        null,
                        null,
                        null),
                new Timing(
                        OffsetDateTime.parse("2027-10-07T16:00:00+03:00").toInstant(),
                        OffsetDateTime.parse("2027-10-07T17:30:00+03:00").toInstant(),
                        "Europe/Sofia"),
                null,
                List.of(new Target(TargetKind.ORGANIZATION_MEMBERS, null, movement, null, List.of())));

        StoreOperations.Counted<?> counted = StoreOperations.get().count(() -> scheduling.schedule(request));

        System.out.println("Store operations to schedule a meeting for " + MEMBERS + " members: "
                + counted.commands().size() + " " + counted.commands());
        assertThat(counted.commands().size()).isLessThanOrEqualTo(12);
        assertThat(((org.concordia.platform.application.Created<?>) counted.result()).value())
                .isInstanceOf(Scheduled.class);
        try (MeetingTopic topic = new MeetingTopic()) {
            ConsumerRecord<String, byte[]> record = topic.await(id, "scheduled").get(0);
            System.out.println("MeetingScheduled for " + MEMBERS + " members: " + record.value().length + " bytes");
            assertThat(record.value().length).isLessThan(4_096);
        }

        var answered = StoreOperations.get().count(() -> registering.accept(id, movement + "-member-77777", null));
        System.out.println("Store operations for one member's acceptance: "
                + answered.commands().size() + " " + answered.commands());
        assertThat(answered.commands().size()).isLessThanOrEqualTo(12);

        JsonNode view = new Api(port)
                .as(world.tokenOf(centre.coordinatorId()))
                .get("/api/v1/meetings/" + id + "/local-times")
                .json();
        assertThat(view.path("invitees").asLong()).isEqualTo(MEMBERS);
        assertThat(view.path("zones")).hasSize(ZONES.size());
        assertThat(view.path("zones").findValues("people"))
                .allSatisfy(named -> assertThat(named.size()).isLessThanOrEqualTo(10));
        JsonNode sofia = find(view, "Europe/Sofia");
        assertThat(sofia.path("localStart").asString()).isEqualTo("2027-10-07T16:00:00+03:00");
        assertThat(sofia.path("outsideWorkingHours").asBoolean()).isFalse();
        JsonNode sydney = find(view, "Australia/Sydney");
        assertThat(sydney.path("localStart").asString()).isEqualTo("2027-10-08T00:00:00+11:00");
        assertThat(sydney.path("outsideWorkingHours").asBoolean()).isTrue();
        assertThat(view.path("flagged").asLong()).isEqualTo(MEMBERS / 5);
    }

    @Test
    void a_member_among_the_hundred_thousand_who_accepted_an_overlapping_meeting_is_a_conflict_found_cheaply() {
        String member = movement + "-member-4242";
        String small = World.newId();
        scheduling.schedule(
                request(small, "2027-11-11T16:00:00+02:00", "2027-11-11T17:00:00+02:00", Target.person(member)));
        assertThat(registering.accept(small, member, null).get(0).status().code())
                .isEqualTo("confirmed");

        ScheduleMeeting everyone = request(
                World.newId(),
                "2027-11-11T16:30:00+02:00",
                "2027-11-11T18:00:00+02:00",
                new Target(TargetKind.ORGANIZATION_NETWORK, null, movement, null, List.of()));
        StoreOperations.Counted<?> counted = StoreOperations.get().count(() -> scheduling.schedule(everyone));

        System.out.println("Store operations to schedule for " + MEMBERS + " members, conflicts included: "
                + counted.commands().size() + " " + counted.commands());
        Scheduled scheduled = (Scheduled) ((org.concordia.platform.application.Created<?>) counted.result()).value();
        assertThat(scheduled.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.personId()).isEqualTo(member);
            assertThat(conflict.fullName()).isEqualTo("Member 4242");
            assertThat(conflict.meetingId()).isEqualTo(small);
        });
        assertThat(counted.commands().size()).isLessThanOrEqualTo(16);
    }

    private ScheduleMeeting request(String id, String start, String end, Target target) {
        return new ScheduleMeeting(
                id,
                centre.coordinatorId(),
                centre.organizationId(),
                null,
                null,
                new MeetingDetails(
                        "Assembly of the movement",
                        null,
                        MeetingFormat.ONLINE,
                        null,
                        "https://meet.example.org/assembly",
                        List.of(),
                        null,
                        null,
                        null,
                        null),
                new Timing(
                        OffsetDateTime.parse(start).toInstant(),
                        OffsetDateTime.parse(end).toInstant(),
                        "Europe/Sofia"),
                null,
                List.of(target));
    }

    private static JsonNode find(JsonNode view, String zone) {
        for (JsonNode entry : view.path("zones")) {
            if (zone.equals(entry.path("timeZone").asString())) {
                return entry;
            }
        }
        throw new AssertionError(zone + " not in " + view);
    }
}
