package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.meeting.support.Drafts.json;
import static org.concordia.meeting.support.Drafts.with;

import java.io.StringReader;
import java.util.HashMap;
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
import org.concordia.meeting.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People invited through an organization, its network of chapters or a project's partners, not by name: their
 * conflicts are reported when a meeting is scheduled, and their calendar feed lists the meetings they have not
 * answered yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitedThroughTargetsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    private Api api;
    private World world;
    private World.Coordinated centre;
    private String europe;
    private String chapter;
    private String partner;
    private String project;
    /** A member of the chapter of ALLATRA Europe. */
    private String chapterMember;
    /** A member of ALLATRA Europe itself, with the member role. */
    private String member;
    /** A coordinator of ALLATRA Europe. */
    private String coordinator;
    /** A member of a project's partner organization. */
    private String partnerMember;

    @BeforeAll
    void world() {
        world = new World(directory);
        centre = world.coordinated("ALLATRA coordination centre", "Europe/Sofia");
        api = new Api(port).as(world.tokenOf(centre.coordinatorId()));
        europe = world.organization("ALLATRA Europe", null);
        world.awaitOrganization(europe);
        chapter = world.organization("ALLATRA Polska", europe);
        partner = world.organization("Stowarzyszenie Solidarności Globalnej", null);
        world.awaitOrganization(chapter);
        world.awaitOrganization(partner);
        chapterMember = world.person("Katarzyna Nowak", "Europe/Warsaw");
        member = world.person("Jean Dupont", "Europe/Paris");
        coordinator = world.person("Anna Schmidt", "Europe/Berlin");
        partnerMember = world.person("Piotr Zieliński", "Europe/Warsaw");
        world.awaitPerson(chapterMember, member, coordinator, partnerMember);
        world.member(chapter, chapterMember, "member");
        world.member(europe, member, "member");
        world.member(europe, coordinator, "coordinator");
        world.member(partner, partnerMember, "partner_contact");
        world.awaitMember(chapter, chapterMember);
        world.awaitMember(europe, member);
        world.awaitMember(europe, coordinator);
        world.awaitMember(partner, partnerMember);
        project = world.project(centre.organizationId(), partner);
        world.awaitProject(project, p -> p.takesPart(partner));
    }

    @AfterAll
    void close() {
        world.close();
    }

    private Response schedule(String title, String start, String end, List<Map<String, Object>> targets) {
        Response scheduled = api.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(centre.coordinatorId(), centre.organizationId(), member),
                        "title",
                        title,
                        "start",
                        start,
                        "end",
                        end,
                        "registrationDeadline",
                        null,
                        "targets",
                        targets)));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        return scheduled;
    }

    private void accept(String meetingId, String personId) {
        Response answered = api.as(world.tokenOf(personId))
                .post(
                        "/api/v1/meetings/" + meetingId + "/registrations",
                        json(Map.of("personId", personId, "answer", "accepted")));
        assertThat(answered.field("status")).as(answered.text()).isEqualTo("confirmed");
    }

    private static Map<String, Object> network(String organizationId, String... roles) {
        return Map.of("kind", "organization_network", "organizationId", organizationId, "roles", List.of(roles));
    }

    private static Map<String, Object> partners(String projectId) {
        return Map.of("kind", "project_partners", "projectId", projectId);
    }

    @Test
    void members_behind_organization_network_and_project_targets_are_reported_in_conflicts() {
        String held = schedule(
                        "Study visit preparation",
                        "2027-06-10T10:00:00+03:00",
                        "2027-06-10T11:00:00+03:00",
                        List.of(
                                Drafts.person(chapterMember),
                                Drafts.person(member),
                                Drafts.person(coordinator),
                                Drafts.person(partnerMember)))
                .field("id");
        accept(held, chapterMember);
        accept(held, member);
        accept(held, coordinator);
        accept(held, partnerMember);

        // the whole network of ALLATRA Europe and the project's partners, half an hour into the held meeting
        Response everyone = schedule(
                "Network assembly",
                "2027-06-10T10:30:00+03:00",
                "2027-06-10T11:30:00+03:00",
                List.of(network(europe), partners(project)));
        assertThat(everyone.json().path("conflicts").findValuesAsString("personId"))
                .containsExactlyInAnyOrder(chapterMember, member, coordinator, partnerMember);
        assertThat(everyone.json().path("conflicts").findValuesAsString("meetingId"))
                .containsOnly(held);

        // only the coordinators of ALLATRA Europe
        Response coordinators = schedule(
                "Coordinators' call",
                "2027-06-10T09:30:00+03:00",
                "2027-06-10T10:15:00+03:00",
                List.of(Drafts.members(europe, "coordinator")));
        assertThat(coordinators.json().path("conflicts").findValuesAsString("personId"))
                .containsExactly(coordinator);
        assertThat(coordinators.json().path("conflicts").findValuesAsString("fullName"))
                .containsExactly("Anna Schmidt");

        // right after the held meeting: no conflict
        Response after =
                schedule("Debrief", "2027-06-10T11:00:00+03:00", "2027-06-10T12:00:00+03:00", List.of(network(europe)));
        assertThat(after.json().path("conflicts")).isEmpty();

        // a weekly call of the network in the afternoons, whose second occurrence is moved onto the held meeting
        Response weekly = api.post(
                "/api/v1/meetings",
                json(with(
                        Drafts.online(centre.coordinatorId(), centre.organizationId(), member),
                        "title",
                        "Weekly network call",
                        "start",
                        "2027-06-03T14:00:00+03:00",
                        "end",
                        "2027-06-03T15:00:00+03:00",
                        "rrule",
                        "FREQ=WEEKLY;COUNT=2",
                        "registrationDeadline",
                        null,
                        "targets",
                        List.of(network(europe)))));
        assertThat(weekly.status()).as(weekly.text()).isEqualTo(201);
        assertThat(weekly.json().path("conflicts")).isEmpty();
        Response moved = api.post(
                "/api/v1/meetings/" + weekly.field("id") + "/occurrences/2027-06-10T14:00:00+03:00/reschedule",
                json(Map.of("start", "2027-06-10T10:30:00+03:00", "end", "2027-06-10T11:30:00+03:00")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().path("conflicts").findValuesAsString("personId"))
                .containsExactlyInAnyOrder(chapterMember, member, coordinator);
    }

    @Test
    void the_feed_lists_every_meeting_a_person_is_invited_to_and_needs_action_until_answered() throws Exception {
        String throughNetwork = schedule(
                        "European forum",
                        "2027-09-16T10:00:00+03:00",
                        "2027-09-16T12:00:00+03:00",
                        List.of(network(europe)))
                .field("id");
        String throughProject = schedule(
                        "Partner meeting",
                        "2027-09-17T10:00:00+03:00",
                        "2027-09-17T12:00:00+03:00",
                        List.of(partners(project)))
                .field("id");
        String coordinatorsOnly = schedule(
                        "Coordinators only",
                        "2027-09-18T10:00:00+03:00",
                        "2027-09-18T12:00:00+03:00",
                        List.of(Drafts.members(europe, "coordinator")))
                .field("id");

        Map<String, String> chapterFeed = feed(chapterMember);
        assertThat(chapterFeed).containsEntry(throughNetwork, "NEEDS-ACTION");
        assertThat(chapterFeed).doesNotContainKeys(throughProject, coordinatorsOnly);

        accept(throughNetwork, chapterMember);
        assertThat(feed(chapterMember)).containsEntry(throughNetwork, "ACCEPTED");

        Map<String, String> partnerFeed = feed(partnerMember);
        assertThat(partnerFeed).containsEntry(throughProject, "NEEDS-ACTION");
        assertThat(partnerFeed).doesNotContainKeys(throughNetwork, coordinatorsOnly);

        Map<String, String> coordinatorFeed = feed(coordinator);
        assertThat(coordinatorFeed)
                .containsEntry(throughNetwork, "NEEDS-ACTION")
                .containsEntry(coordinatorsOnly, "NEEDS-ACTION")
                .doesNotContainKey(throughProject);
        assertThat(feed(member)).doesNotContainKey(coordinatorsOnly);
    }

    /** The person's feed as a calendar reads it: meeting id to the person's PARTSTAT. */
    private Map<String, String> feed(String personId) throws Exception {
        String url = api.as(world.tokenOf(personId))
                .post("/api/v1/people/" + personId + "/calendar-token", null)
                .field("url");
        // the feed itself is read without a bearer token, as calendar apps do: its address is the secret
        Response feed = api.anonymous().get(url.substring(url.indexOf("/api/")));
        assertThat(feed.status()).as(feed.text()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.text()));
        Map<String, String> partStats = new HashMap<>();
        for (CalendarComponent component : calendar.getComponents("VEVENT")) {
            VEvent event = (VEvent) component;
            String uid =
                    event.getProperty("UID").map(p -> ((Property) p).getValue()).orElseThrow();
            String attendee = event.getProperty("ATTENDEE")
                    .map(p -> ((Property) p).toString())
                    .orElseThrow();
            partStats.put(uid, attendee.replaceAll("(?s).*PARTSTAT=([A-Z-]+).*", "$1"));
        }
        return partStats;
    }
}
