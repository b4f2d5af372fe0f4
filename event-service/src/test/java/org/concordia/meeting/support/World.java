package org.concordia.meeting.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.meeting.directory.Directory;
import org.concordia.testing.security.TestIssuer;

/**
 * People, organizations, memberships and projects of a test, published on the topics the way organization-service and
 * project-service would, and awaited until this service has learnt them.
 */
public final class World implements AutoCloseable {

    private final Feed feed = new Feed();
    private final Directory directory;

    public World(Directory directory) {
        this.directory = directory;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public Feed feed() {
        return feed;
    }

    public String person(String fullName, String timeZone) {
        String id = newId();
        feed.publish(
                new PersonRegistered(id, fullName, id.substring(0, 8) + "@example.org", "en", timeZone, Instant.now()));
        return id;
    }

    public String organization(String name, String parentId) {
        String id = newId();
        feed.publish(new OrganizationRegistered(
                id, name, null, "ngo", "BG", "Plovdiv", null, List.of("bg"), null, parentId, Instant.now()));
        return id;
    }

    public void member(String organizationId, String personId, String... roles) {
        var person = directory.person(personId);
        feed.publish(new MemberJoined(
                newId(),
                organizationId,
                "Organization",
                personId,
                person.map(p -> p.fullName()).orElse("Member"),
                person.map(p -> p.email()).orElse("member@example.org"),
                "en",
                person.map(p -> p.timeZone()).orElse("Europe/Sofia"),
                List.of(roles),
                null,
                null,
                Instant.now()));
    }

    public String project(String leadOrganizationId, String... acceptedPartners) {
        String id = newId();
        feed.publish(new ProjectProposed(
                id,
                "Project",
                "Summary",
                List.of(),
                leadOrganizationId,
                "Lead",
                "PL",
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2028, 6, 30),
                null,
                Instant.now()));
        for (String partner : acceptedPartners) {
            feed.publish(new PartnerJoined(
                    id, "Project", partner, "Partner", "AT", "partner", leadOrganizationId, "Lead", Instant.now()));
        }
        return id;
    }

    public String milestone(String projectId, String kind, LocalDate due) {
        String id = newId();
        feed.publish(
                new MilestonePlanned(projectId, "Project", id, kind, "Study visit", "AT", "Wien", due, Instant.now()));
        return id;
    }

    /** A coordinator of a new organization, with the organization, both known to the service. */
    public Coordinated coordinated(String name, String timeZone) {
        String organization = organization(name, null);
        awaitOrganization(organization);
        String coordinator = person(name + " coordinator", timeZone);
        awaitPerson(coordinator);
        member(organization, coordinator, "coordinator");
        awaitMember(organization, coordinator);
        return new Coordinated(organization, coordinator);
    }

    public record Coordinated(String organizationId, String coordinatorId) {}

    public void awaitPerson(String... ids) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> java.util.Arrays.stream(ids)
                        .allMatch(id -> directory.person(id).isPresent()));
    }

    public void awaitOrganization(String id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> directory.organization(id).isPresent());
    }

    public void awaitMember(String organizationId, String personId) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> directory.membership(organizationId, personId).isPresent());
    }

    public void awaitProject(
            String projectId, java.util.function.Predicate<org.concordia.meeting.directory.KnownProject> condition) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> directory.project(projectId).map(condition::test).orElse(false));
    }

    /**
     * A token for the person as the identity provider would issue it: their memberships and roles as this service
     * has learnt them, as claims.
     */
    public String tokenOf(String personId) {
        TestIssuer.Token token = TestIssuer.get().person(personId);
        directory
                .membershipsOf(personId)
                .forEach(m -> token.member(m.organizationId(), m.roles().toArray(String[]::new)));
        return token.sign();
    }

    @Override
    public void close() {
        feed.close();
    }
}
