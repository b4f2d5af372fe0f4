package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.registration.Registering;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers per occurrence of a series, each occurrence with its own seats and waitlist, and waitlists that move up
 * when the coordinator raises the capacity or the seats per organization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccurrenceRegistrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECOND = "2027-05-13T10:00:00+03:00";
    /** The same occurrence as a query parameter writes it. */
    private static final String SECOND_UTC = "2027-05-13T07:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Registering registering;

    private Api api;
    private World world;
    private World.Coordinated trakia;
    private String elena;
    private String ivan;
    private String maria;

    @BeforeAll
    void world() {
        world = new World(directory);
        trakia = world.coordinated("Регионална Асоциация на Общини Тракия", "Europe/Sofia");
        api = new Api(port).as(world.tokenOf(trakia.coordinatorId()));
        elena = world.person("Елена Димитрова", "Europe/Sofia");
        ivan = world.person("Иван Петров", "Europe/Sofia");
        maria = world.person("Мария Георгиева", "Europe/Sofia");
        world.awaitPerson(elena, ivan, maria);
    }

    @AfterAll
    void close() {
        world.close();
    }

    private String schedule(Map<String, Object> body) {
        Response scheduled = api.post("/api/v1/meetings", json(body));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        return scheduled.field("id");
    }

    private Map<String, Object> draft(Object... changes) {
        Map<String, Object> body = with(
                Drafts.online(trakia.coordinatorId(), trakia.organizationId(), elena),
                "title",
                "Seminar for municipal councillors",
                "start",
                "2027-05-06T10:00:00+03:00",
                "end",
                "2027-05-06T11:00:00+03:00",
                "registrationDeadline",
                null,
                "targets",
                List.of(Drafts.person(elena), Drafts.person(ivan), Drafts.person(maria)));
        return with(body, changes);
    }

    private Response answer(String meetingId, String personId, String answer, String occurrence) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("personId", personId);
        body.put("answer", answer);
        if (occurrence != null) {
            body.put("occurrence", occurrence);
        }
        // each person answers for themselves
        return api.as(world.tokenOf(personId)).post("/api/v1/meetings/" + meetingId + "/registrations", json(body));
    }

    private String status(String meetingId, String personId, String occurrence) {
        String query = occurrence == null ? "" : "?occurrence=" + occurrence;
        return api.get("/api/v1/meetings/" + meetingId + "/registrations/" + personId + query)
                .field("status");
    }

    @Test
    void each_occurrence_has_its_own_seat_and_an_answer_covers_one_occurrence_or_every_one_to_come() {
        String id = schedule(draft("rrule", "FREQ=WEEKLY;COUNT=3", "capacity", 1));

        Response one = answer(id, elena, "accepted", SECOND);
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.field("status")).isEqualTo("confirmed");
        assertThat(one.json().path("occurrence").asInt()).isEqualTo(1);

        Response whole = answer(id, ivan, "accepted", null);
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        whole.json()
                .path("occurrences")
                .forEach(r -> statuses.add(r.path("status").asString()));
        assertThat(statuses).containsExactly("confirmed", "waitlisted", "confirmed");

        JsonNode second = api.get("/api/v1/meetings/" + id + "/registrations?occurrence=" + SECOND_UTC)
                .json();
        assertThat(second.path("content").findValuesAsString("personId")).containsExactly(elena, ivan);
        JsonNode waiting = api.get("/api/v1/meetings/" + id + "/registrations/" + ivan + "?occurrence=" + SECOND_UTC)
                .json();
        assertThat(waiting.path("status").asString()).isEqualTo("waitlisted");
        assertThat(waiting.path("waitlistPosition").asLong()).isEqualTo(1);

        // Elena gives her seat at the second occurrence up: Ivan gets it; the other occurrences do not move
        assertThat(answer(id, elena, "declined", SECOND).field("status")).isEqualTo("declined");
        assertThat(status(id, ivan, SECOND_UTC)).isEqualTo("confirmed");
        assertThat(status(id, ivan, "2027-05-06T07:00:00Z")).isEqualTo("confirmed");

        // Maria declines the whole series: one answer per occurrence
        Response declined = answer(id, maria, "declined", null);
        assertThat(declined.json().path("occurrences").findValuesAsString("status"))
                .containsExactly("declined", "declined", "declined");

        try (MeetingTopic topic = new MeetingTopic()) {
            List<ConsumerRecord<String, byte[]>> records =
                    topic.await(id, "waitlist-promoted", "registration-declined");
            JsonNode promoted = MeetingTopic.payload(records, "waitlist-promoted");
            assertThat(promoted.path("personId").asString()).isEqualTo(ivan);
            assertThat(promoted.path("recurrenceId").asString()).isEqualTo("2027-05-13T07:00:00Z");
            assertThat(promoted.path("occurrenceStart").asString()).isEqualTo("2027-05-13T07:00:00Z");
            assertThat(promoted.path("start").asString()).isEqualTo("2027-05-13T07:00:00Z");
            List<String> confirmedStarts = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode event = JSON.readTree(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                if (MeetingTopic.types(List.of(record)).get(0).endsWith("registration-confirmed.v1")
                        && event.path("personId").asString().equals(ivan)) {
                    confirmedStarts.add(event.path("occurrenceStart").asString());
                }
            }
            assertThat(confirmedStarts).containsExactly("2027-05-06T07:00:00Z", "2027-05-20T07:00:00Z");
        }

        // an occurrence the series does not have is named as such
        Response wrong = answer(id, elena, "accepted", "2027-05-14T10:00:00+03:00");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("errors").findValuesAsString("field")).contains("occurrence");
    }

    @Test
    void an_answer_costs_a_bounded_number_of_store_operations_per_occurrence() {
        String id = schedule(draft("rrule", "FREQ=WEEKLY;COUNT=10", "capacity", 5, "seatsPerOrganization", 2));

        var one = StoreOperations.get()
                .count(() -> registering.accept(id, elena, java.time.Instant.parse("2027-05-20T07:00:00Z")));
        System.out.println("Store operations for an answer to one occurrence: "
                + one.commands().size() + " " + one.commands());
        assertThat(one.result())
                .singleElement()
                .satisfies(r -> assertThat(r.occurrence()).isEqualTo(2));
        assertThat(one.commands().size()).isLessThanOrEqualTo(12);

        var whole = StoreOperations.get().count(() -> registering.accept(id, ivan, null));
        System.out.println("Store operations for an answer to a series of 10 occurrences: "
                + whole.commands().size() + " " + whole.commands());
        assertThat(whole.result()).hasSize(10);
        // the meeting, the person, their memberships and registrations once; then per occurrence its seat (the
        // counter created on first use) and a write
        assertThat(whole.commands().size()).isLessThanOrEqualTo(6 + 10 * 5);
    }

    @Test
    void raising_the_capacity_gives_the_new_seats_to_the_waitlisted_in_their_order() {
        String id = schedule(draft("capacity", 1));
        assertThat(answer(id, elena, "accepted", null).field("status")).isEqualTo("confirmed");
        assertThat(answer(id, ivan, "accepted", null).field("status")).isEqualTo("waitlisted");
        assertThat(answer(id, maria, "accepted", null).field("status")).isEqualTo("waitlisted");

        Response two = api.patch("/api/v1/meetings/" + id, json(Map.of("capacity", 2)), Map.of());
        assertThat(two.status()).as(two.text()).isEqualTo(200);
        assertThat(status(id, ivan, null)).isEqualTo("confirmed");
        assertThat(status(id, maria, null)).isEqualTo("waitlisted");
        assertThat(api.get("/api/v1/meetings/" + id + "/registrations/" + maria)
                        .json()
                        .path("waitlistPosition")
                        .asLong())
                .isEqualTo(1);

        api.patch("/api/v1/meetings/" + id, json(Map.of("capacity", 10)), Map.of());
        assertThat(status(id, maria, null)).isEqualTo("confirmed");

        try (MeetingTopic topic = new MeetingTopic()) {
            // scheduled, confirmed, two waitlisted, two details changed, two promoted
            List<ConsumerRecord<String, byte[]>> records = topic.awaitCount(id, 8);
            List<String> promoted = new ArrayList<>();
            records.forEach(record -> {
                if (MeetingTopic.types(List.of(record)).get(0).endsWith("waitlist-promoted.v1")) {
                    promoted.add(JSON.readTree(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .path("personId")
                            .asString());
                }
            });
            assertThat(promoted).containsExactly(ivan, maria);
        }
    }

    @Test
    void raising_the_seats_per_organization_admits_the_delegates_who_now_fit() {
        String organization = world.organization("Община Пловдив", null);
        world.awaitOrganization(organization);
        String first = world.person("Councillor one", "Europe/Sofia");
        String second = world.person("Councillor two", "Europe/Sofia");
        world.awaitPerson(first, second);
        world.member(organization, first, "member");
        world.member(organization, second, "member");
        world.awaitMember(organization, first);
        world.awaitMember(organization, second);
        String id = schedule(draft("seatsPerOrganization", 1, "targets", List.of(Drafts.members(organization))));

        assertThat(answer(id, first, "accepted", null).field("status")).isEqualTo("confirmed");
        assertThat(answer(id, second, "accepted", null).field("status")).isEqualTo("waitlisted");

        Response raised = api.patch("/api/v1/meetings/" + id, json(Map.of("seatsPerOrganization", 2)), Map.of());
        assertThat(raised.status()).as(raised.text()).isEqualTo(200);
        assertThat(status(id, second, null)).isEqualTo("confirmed");
    }
}
