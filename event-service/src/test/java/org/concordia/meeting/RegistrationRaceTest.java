package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.registration.Registering;
import org.concordia.meeting.support.Api;
import org.concordia.meeting.support.Api.Response;
import org.concordia.meeting.support.Drafts;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.MeetingTopic;
import org.concordia.meeting.support.StoreOperations;
import org.concordia.meeting.support.World;
import org.concordia.testing.TestInfrastructure;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Fifty invitees accept at once, half through this instance and half through a second instance of the service on the
 * same store: the seat counters admit exactly as many as there are seats, and the rest wait in the order the store
 * granted their tickets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationRaceTest extends IntegrationTest {

    private static final int INVITEES = 50;

    @LocalServerPort
    int port;

    @Value("${spring.mongodb.database}")
    String database;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Autowired
    Directory directory;

    @Autowired
    Registering registering;

    private ConfigurableApplicationContext second;
    private Api here;
    private Api there;
    private World world;
    private World.Coordinated network;
    private final List<String> delegations = new ArrayList<>();
    private final List<String> people = new ArrayList<>();

    @BeforeAll
    void twoInstancesAndFiftyInvitees() {
        // command-line arguments, which win over application.yml as on a real second instance
        second = new SpringApplicationBuilder(MeetingServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(),
                        "--spring.mongodb.database=" + database,
                        "--spring.kafka.bootstrap-servers="
                                + TestInfrastructure.get().kafkaBootstrapServers(),
                        "--spring.cloud.stream.kafka.binder.brokers="
                                + TestInfrastructure.get().kafkaBootstrapServers(),
                        "--spring.cloud.stream.default.group=" + group,
                        "--concordia.outbox.sweep-interval=500ms",
                        "--concordia.security.issuer-uri=" + TestIssuer.get().issuerUri(),
                        "--concordia.security.audiences=" + TestIssuer.AUDIENCE);
        world = new World(directory);
        network = world.coordinated("Global Parliament of Mayors", "Europe/Amsterdam");
        String coordinator = world.tokenOf(network.coordinatorId());
        here = new Api(port).as(coordinator);
        there = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port"))).as(coordinator);
        for (int d = 0; d < 5; d++) {
            delegations.add(world.organization("City " + d, null));
        }
        delegations.forEach(world::awaitOrganization);
        for (int i = 0; i < INVITEES; i++) {
            people.add(world.person("Councillor " + i, i % 2 == 0 ? "Europe/Warsaw" : "Europe/Sofia"));
        }
        world.awaitPerson(people.toArray(String[]::new));
        for (int i = 0; i < INVITEES; i++) {
            world.member(delegations.get(i % 5), people.get(i), "member");
        }
        for (int i = 0; i < INVITEES; i++) {
            world.awaitMember(delegations.get(i % 5), people.get(i));
        }
    }

    @AfterAll
    void stop() {
        second.close();
        world.close();
    }

    private String meeting(Integer capacity, Integer seatsPerOrganization) {
        List<Map<String, Object>> targets =
                delegations.stream().map(d -> Drafts.members(d)).toList();
        Response scheduled = here.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(network.coordinatorId(), network.organizationId(), people.get(0)),
                        "title",
                        "GPM session",
                        "capacity",
                        capacity,
                        "seatsPerOrganization",
                        seatsPerOrganization,
                        "registrationDeadline",
                        null,
                        "start",
                        "2027-09-20T10:00:00+02:00",
                        "end",
                        "2027-09-20T12:00:00+02:00",
                        "targets",
                        targets)));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        return scheduled.field("id");
    }

    /** Everyone accepts at the same moment, alternating between the two instances. */
    private void acceptAllAtOnce(String meetingId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INVITEES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < INVITEES; i++) {
            String person = people.get(i);
            // each person answers for themselves
            Api api = (i % 2 == 0 ? here : there).as(world.tokenOf(person));
            answers.add(pool.submit(() -> {
                start.await();
                return api.post(
                        "/api/v1/meetings/" + meetingId + "/registrations",
                        json(Map.of("personId", person, "answer", "accepted")));
            }));
        }
        start.countDown();
        for (Future<Response> answer : answers) {
            Response response = answer.get(5, TimeUnit.MINUTES);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
        pool.shutdown();
    }

    private List<JsonNode> registrations(String meetingId, String status) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode content = here.get("/api/v1/meetings/" + meetingId + "/registrations?size=20&page=" + page
                            + "&status=" + status)
                    .json()
                    .path("content");
            content.forEach(all::add);
        }
        return all;
    }

    @Test
    void fifty_acceptances_for_ten_seats_through_two_instances_confirm_ten_and_waitlist_forty_in_ticket_order()
            throws Exception {
        String meetingId = meeting(10, null);

        acceptAllAtOnce(meetingId);

        List<JsonNode> confirmed = registrations(meetingId, "confirmed");
        List<JsonNode> waitlisted = registrations(meetingId, "waitlisted");
        assertThat(confirmed).hasSize(10);
        assertThat(waitlisted).hasSize(40);
        // a seat and a ticket are granted in one operation: the seats go to tickets 1 to 10. The embedded store may
        // hand one number to two concurrent findAndModify calls (MongoDB does not), so a number may repeat here
        assertThat(confirmed.stream().map(r -> r.path("ticket").asLong()))
                .hasSize(10)
                .allMatch(ticket -> ticket >= 1 && ticket <= 10);
        // the waitlist follows the tickets after the seats; a ticket the store handed out twice is drawn again, so
        // the numbers may skip one but never repeat or go back
        assertThat(waitlisted.stream().map(r -> r.path("ticket").asLong()).toList())
                .isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates()
                .allMatch(ticket -> ticket > 10);
        JsonNode fifth = waitlisted.get(4);
        assertThat(here.get("/api/v1/meetings/" + meetingId + "/registrations/"
                                + fifth.path("personId").asString())
                        .json()
                        .path("waitlistPosition")
                        .asLong())
                .isEqualTo(5);
        System.out.printf(
                "Registration race (capacity 10, 50 at once, 2 instances): %d confirmed, %d waitlisted%n",
                confirmed.size(), waitlisted.size());

        // a decline gives the seat to the first on the waitlist
        String leaving = confirmed.get(0).path("personId").asString();
        String first = waitlisted.get(0).path("personId").asString();
        here.as(world.tokenOf(leaving))
                .post(
                        "/api/v1/meetings/" + meetingId + "/registrations",
                        json(Map.of("personId", leaving, "answer", "declined")));
        assertThat(here.get("/api/v1/meetings/" + meetingId + "/registrations/" + first)
                        .field("status"))
                .isEqualTo("confirmed");
        try (MeetingTopic topic = new MeetingTopic()) {
            var records = topic.await(meetingId, "registration-declined", "waitlist-promoted");
            assertThat(MeetingTopic.payload(records, "waitlist-promoted")
                            .path("personId")
                            .asString())
                    .isEqualTo(first);
            assertThat(records.stream()
                            .filter(r -> MeetingTopic.types(List.of(r))
                                    .get(0)
                                    .equals("concordia.meeting.registration-confirmed.v1"))
                            .count())
                    .isEqualTo(10);
        }
    }

    @Test
    void fifty_acceptances_with_two_seats_per_delegation_confirm_two_of_each_and_waitlist_the_rest_in_order()
            throws Exception {
        String meetingId = meeting(null, 2);

        acceptAllAtOnce(meetingId);

        List<JsonNode> confirmed = registrations(meetingId, "confirmed");
        List<JsonNode> waitlisted = registrations(meetingId, "waitlisted");
        assertThat(confirmed).hasSize(10);
        assertThat(waitlisted).hasSize(40);
        Map<String, Long> perDelegation = confirmed.stream()
                .collect(Collectors.groupingBy(r -> r.path("organizationId").asString(), Collectors.counting()));
        assertThat(perDelegation)
                .hasSize(5)
                .allSatisfy((organization, seats) -> assertThat(seats).isEqualTo(2));
        List<Long> tickets =
                waitlisted.stream().map(r -> r.path("ticket").asLong()).toList();
        assertThat(tickets).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        System.out.printf(
                "Registration race (2 seats per delegation, 5 delegations, 50 at once, 2 instances): %d confirmed %s,"
                        + " %d waitlisted%n",
                confirmed.size(), perDelegation.values(), waitlisted.size());

        // a decline promotes the first waitlisted of the same delegation, the only one who fits
        JsonNode leaving = confirmed.get(0);
        String delegation = leaving.path("organizationId").asString();
        JsonNode next = waitlisted.stream()
                .filter(r -> r.path("organizationId").asString().equals(delegation))
                .findFirst()
                .orElseThrow();
        here.as(world.tokenOf(leaving.path("personId").asString()))
                .post(
                        "/api/v1/meetings/" + meetingId + "/registrations",
                        json(Map.of("personId", leaving.path("personId").asString(), "answer", "declined")));
        assertThat(here.get("/api/v1/meetings/" + meetingId + "/registrations/"
                                + next.path("personId").asString())
                        .field("status"))
                .isEqualTo("confirmed");
    }

    @Test
    void one_answer_costs_a_bounded_number_of_store_operations() {
        String meetingId = meeting(5, null);
        var counted = StoreOperations.get().count(() -> registering.accept(meetingId, people.get(7), null));
        System.out.println(
                "Store operations for one acceptance: " + counted.commands().size() + " " + counted.commands());
        assertThat(counted.result())
                .singleElement()
                .satisfies(r -> assertThat(r.status().code()).isEqualTo("confirmed"));
        assertThat(counted.commands().size()).isLessThanOrEqualTo(12);
    }
}
