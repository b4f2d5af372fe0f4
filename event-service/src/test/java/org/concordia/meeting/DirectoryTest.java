package org.concordia.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.OrganizationChanges;
import org.concordia.meeting.directory.ProjectChanges;
import org.concordia.meeting.support.IntegrationTest;
import org.concordia.meeting.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read models take each event once, in any order, as often as Kafka delivers it: every handler applied twice
 * leaves the state it left after the first time, and a replay of the topics through the broker changes nothing.
 */
class DirectoryTest extends IntegrationTest {

    @Autowired
    OrganizationChanges organizations;

    @Autowired
    ProjectChanges projects;

    @Autowired
    Directory directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private double duplicates() {
        var counter = meters.find("concordia.inbox.duplicates")
                .tag("consumer", "learnOrganizations")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static final List<String> COLLECTIONS =
            List.of("directory_people", "directory_organizations", "directory_memberships", "directory_projects");

    private final List<String> ids = new ArrayList<>();

    /** The read models' documents of this test's people, organizations, memberships and projects. */
    private List<Document> state() {
        List<Document> all = new ArrayList<>();
        for (String collection : COLLECTIONS) {
            mongo.getCollection(collection)
                    .find(new Document("_id", new Document("$in", ids)))
                    .sort(new Document("_id", 1))
                    .forEach(all::add);
        }
        return all;
    }

    private <T extends DomainEvent> void twice(T event, Consumer<T> handler) {
        handler.accept(event);
        List<Document> once = state();
        handler.accept(event);
        assertThat(state())
                .as("%s applied twice", event.getClass().getSimpleName())
                .isEqualTo(once);
    }

    @Test
    void every_handler_applied_twice_leaves_the_same_state() {
        String person = World.newId();
        String organization = World.newId();
        String chapter = World.newId();
        String project = World.newId();
        String milestone = World.newId();
        Instant t = Instant.parse("2027-01-10T10:00:00Z");
        LocalDate due = LocalDate.of(2027, 6, 1);
        ids.addAll(List.of(person, organization, chapter, project, chapter + ":" + person));

        twice(
                new PersonRegistered(person, "Georgi Petrov", "g@example.org", "bg", "Europe/Sofia", t),
                organizations::on);
        twice(
                new PersonUpdated(person, "Георги Петров", "g@example.org", "bg", "Europe/Sofia", 1, t.plusSeconds(1)),
                organizations::on);
        twice(
                new OrganizationRegistered(
                        organization, "АЛЛАТРА", null, "movement", "BG", "София", null, List.of("bg"), null, null, t),
                organizations::on);
        twice(
                new OrganizationRegistered(
                        chapter,
                        "Пловдив",
                        null,
                        "chapter",
                        "BG",
                        "Пловдив",
                        null,
                        List.of("bg"),
                        null,
                        organization,
                        t),
                organizations::on);
        twice(
                new OrganizationUpdated(
                        organization,
                        "АЛЛАТРА България",
                        null,
                        "movement",
                        "BG",
                        "София",
                        null,
                        List.of("bg"),
                        null,
                        null,
                        1,
                        t.plusSeconds(2)),
                organizations::on);
        twice(
                new MemberJoined(
                        "ms1",
                        chapter,
                        "Пловдив",
                        person,
                        "Георги Петров",
                        "g@example.org",
                        "bg",
                        "Europe/Sofia",
                        List.of("member"),
                        null,
                        null,
                        t.plusSeconds(3)),
                organizations::on);
        twice(
                new MemberRolesChanged(
                        "ms1", chapter, person, List.of("coordinator"), List.of("member"), "Пловдив", t.plusSeconds(4)),
                organizations::on);
        assertThat(directory.network(organization)).containsExactlyInAnyOrder(organization, chapter);
        assertThat(directory.membership(chapter, person).orElseThrow().roles()).containsExactly("coordinator");
        twice(
                new MemberLeft(
                        "ms1", chapter, person, "Пловдив", "Георги Петров", List.of("coordinator"), t.plusSeconds(5)),
                organizations::on);
        assertThat(directory.membership(chapter, person)).isEmpty();
        twice(new OrganizationArchived(chapter, "Пловдив", t.plusSeconds(6)), organizations::on);

        twice(
                new ProjectProposed(
                        project, "Projekt", "S", List.of(), organization, "Lead", "BG", due, due.plusYears(1), null, t),
                projects::on);
        twice(
                new ProjectDetailsChanged(
                        project,
                        "Projekt 2",
                        "S",
                        List.of(),
                        organization,
                        "Lead",
                        "BG",
                        due,
                        due.plusYears(1),
                        null,
                        1,
                        t.plusSeconds(1)),
                projects::on);
        twice(
                new PartnerInvited(
                        project,
                        "Projekt",
                        chapter,
                        "Partner",
                        "AT",
                        "partner",
                        organization,
                        "Lead",
                        t.plusSeconds(2)),
                projects::on);
        twice(
                new PartnerJoined(
                        project,
                        "Projekt",
                        chapter,
                        "Partner",
                        "AT",
                        "partner",
                        organization,
                        "Lead",
                        t.plusSeconds(3)),
                projects::on);
        twice(
                new PartnerDeclined(
                        project, "Projekt", "o3", "P3", "CZ", "partner", null, organization, "Lead", t.plusSeconds(3)),
                projects::on);
        twice(
                new PartnerWithdrawn(
                        project, "Projekt", "o3", "P3", "CZ", "partner", null, organization, "Lead", t.plusSeconds(4)),
                projects::on);
        twice(
                new ProjectActivated(
                        project,
                        "Projekt",
                        organization,
                        List.of(new Partner(chapter, "Partner", "AT", "partner", "accepted")),
                        List.of("BG", "AT"),
                        t.plusSeconds(5)),
                projects::on);
        twice(
                new MilestonePlanned(
                        project, "Projekt", milestone, "forum", "Forum", "PL", "Lublin", due, t.plusSeconds(6)),
                projects::on);
        twice(
                new MilestoneRescheduled(
                        project,
                        "Projekt",
                        milestone,
                        "forum",
                        "Forum",
                        "PL",
                        "Lublin",
                        due.plusDays(7),
                        due,
                        t.plusSeconds(7)),
                projects::on);
        assertThat(directory
                        .project(project)
                        .orElseThrow()
                        .milestone(milestone)
                        .orElseThrow()
                        .previousDueDate())
                .isEqualTo(due);
        twice(
                new MilestoneCompleted(
                        project, "Projekt", milestone, "forum", "Forum", due.plusDays(7), t.plusSeconds(8)),
                projects::on);
        twice(
                new MilestoneCancelled(
                        project, "Projekt", milestone, "forum", "Forum", "PL", "Lublin", due, "none", t.plusSeconds(9)),
                projects::on);
        twice(new ProjectCompleted(project, "Projekt", List.of("BG"), t.plusSeconds(10)), projects::on);
        twice(new ProjectCancelled(project, "Projekt", "r", t.plusSeconds(11)), projects::on);
        assertThat(directory.project(project).orElseThrow().takesPart(chapter)).isTrue();
    }

    @Test
    void an_older_event_arriving_late_never_goes_back_in_time() {
        String person = World.newId();
        Instant t = Instant.parse("2027-01-10T10:00:00Z");
        ids.add(person);
        organizations.on(new PersonUpdated(person, "New name", "n@example.org", "en", "Asia/Kolkata", 3, t));
        organizations.on(
                new PersonRegistered(person, "Old name", "o@example.org", "en", "Europe/Sofia", t.minusSeconds(60)));
        organizations.on(
                new PersonUpdated(person, "Middle name", "m@example.org", "en", "Europe/Sofia", 2, t.minusSeconds(30)));

        assertThat(directory.person(person).orElseThrow().timeZone()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void a_replay_of_the_topics_through_the_broker_changes_nothing() {
        try (World world = new World(directory)) {
            World.Coordinated coordinated = world.coordinated("Replay", "Europe/Warsaw");
            ids.addAll(List.of(
                    coordinated.organizationId(),
                    coordinated.coordinatorId(),
                    coordinated.organizationId() + ":" + coordinated.coordinatorId()));
            List<Document> before = state();
            double duplicates = duplicates();
            world.feed().replay(world.feed().sent());
            // the same ce_ids again: each is recognised as processed, and nothing changes
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            duplicates() >= duplicates + world.feed().sent().size());
            assertThat(state()).isEqualTo(before);
            assertThat(directory.membership(coordinated.organizationId(), coordinated.coordinatorId()))
                    .isPresent();
        }
    }
}
