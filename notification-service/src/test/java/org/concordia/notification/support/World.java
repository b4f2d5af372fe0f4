package org.concordia.notification.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.RegistrationConfirmed;
import org.concordia.contracts.meeting.RegistrationDeclined;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.testing.security.TestIssuer;

/**
 * People, organizations, projects and meetings of one test, published as their producers would publish them, with
 * fresh ids so that tests sharing the broker and store never meet.
 */
public final class World {

    public record Person(String id, String name, String email, String language, String zone) {}

    private final Feed feed;
    private final Map<String, String> organizationNames = new HashMap<>();
    private final Map<String, Map<String, List<String>>> membershipsByPerson = new HashMap<>();

    public World(Feed feed) {
        this.feed = feed;
    }

    public Person person(String name, String language, String zone) {
        String id = Feed.newId();
        Person person = new Person(id, name, id.substring(0, 8) + "@example.org", language, zone);
        feed.publishAndWait(new PersonRegistered(id, name, person.email(), language, zone, Instant.now()));
        return person;
    }

    public String organization(String name, String parentId) {
        return organization(name, parentId, "PL", List.of("pl"));
    }

    public String organization(String name, String parentId, String country, List<String> languages) {
        String id = Feed.newId();
        organizationNames.put(id, name);
        feed.publishAndWait(new OrganizationRegistered(
                id,
                name,
                null,
                parentId == null ? "ngo" : "chapter",
                country,
                "Lublin",
                null,
                languages,
                null,
                parentId,
                Instant.now()));
        return id;
    }

    /** A bearer token for the person, carrying the memberships this world gave them, as their sign-in would. */
    public String token(Person person) {
        TestIssuer.Token token = TestIssuer.get().person(person.id());
        membershipsByPerson
                .getOrDefault(person.id(), Map.of())
                .forEach((organizationId, roles) -> token.member(organizationId, roles.toArray(String[]::new)));
        return token.sign();
    }

    public String member(String organizationId, Person person, String... roles) {
        membershipsByPerson
                .computeIfAbsent(person.id(), id -> new LinkedHashMap<>())
                .put(organizationId, List.of(roles));
        String membershipId = Feed.newId();
        feed.publishAndWait(new MemberJoined(
                membershipId,
                organizationId,
                organizationNames.getOrDefault(organizationId, "Organization"),
                person.id(),
                person.name(),
                person.email(),
                person.language(),
                person.zone(),
                List.of(roles),
                null,
                null,
                Instant.now()));
        return membershipId;
    }

    /** A running partnership of the kind, recorded by {@code organizationId}'s side; its id. */
    public String partnership(String organizationId, String partnerOrganizationId, String kind) {
        String id = Feed.newId();
        feed.publishAndWait(new org.concordia.contracts.organization.PartnershipFormed(
                id,
                organizationId,
                organizationNames.getOrDefault(organizationId, "Organization"),
                partnerOrganizationId,
                organizationNames.getOrDefault(partnerOrganizationId, "Organization"),
                kind,
                java.time.LocalDate.of(2001, 3, 1),
                null,
                Instant.now()));
        return id;
    }

    /** Ends the partnership as organization-service publishes it. */
    public void endPartnership(String partnershipId, String organizationId, String partnerOrganizationId, String kind) {
        feed.publishAndWait(new org.concordia.contracts.organization.PartnershipEnded(
                partnershipId,
                organizationId,
                partnerOrganizationId,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                organizationNames.getOrDefault(organizationId, "Organization"),
                organizationNames.getOrDefault(partnerOrganizationId, "Organization"),
                kind,
                Instant.now()));
    }

    /** A project led by {@code lead}, active with the accepted partners. */
    public String project(String title, String lead, String... partners) {
        String id = Feed.newId();
        feed.publishAndWait(new ProjectProposed(
                id,
                title,
                "Summary",
                List.of(),
                lead,
                organizationNames.get(lead),
                "PL",
                java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 12, 31),
                null,
                Instant.now()));
        List<Partner> all = new ArrayList<>();
        all.add(new Partner(lead, organizationNames.get(lead), "PL", "lead", "accepted"));
        for (String partner : partners) {
            all.add(new Partner(partner, organizationNames.get(partner), "BG", "partner", "accepted"));
        }
        feed.publishAndWait(new ProjectActivated(id, title, lead, all, List.of("PL", "BG"), Instant.now()));
        return id;
    }

    public MeetingScheduled meeting(
            String title, Instant start, String zone, List<Integer> reminders, List<InvitationTarget> targets) {
        return meeting(title, Feed.newId(), start, zone, reminders, targets);
    }

    /** A meeting the organization organizes. */
    public MeetingScheduled meeting(
            String title,
            String organizationId,
            Instant start,
            String zone,
            List<Integer> reminders,
            List<InvitationTarget> targets) {
        return new MeetingScheduled(
                Feed.newId(),
                title,
                null,
                Feed.newId(),
                "Katarzyna Nowak",
                null,
                "online",
                null,
                "https://meet.example.org/" + title.hashCode(),
                start,
                start.plusSeconds(7200),
                zone,
                null,
                null,
                List.of(),
                List.of(),
                0,
                "k.nowak@example.org",
                organizationId,
                null,
                null,
                List.of(),
                null,
                reminders,
                targets,
                null,
                List.of(),
                Instant.now());
    }

    public static InvitationTarget person(Person person) {
        return new InvitationTarget(InvitationTarget.PERSON, person.id(), null, null, List.of());
    }

    public static InvitationTarget members(String organizationId, String... roles) {
        return new InvitationTarget(InvitationTarget.ORGANIZATION_MEMBERS, null, organizationId, null, List.of(roles));
    }

    public static InvitationTarget network(String organizationId, String... roles) {
        return new InvitationTarget(InvitationTarget.ORGANIZATION_NETWORK, null, organizationId, null, List.of(roles));
    }

    public static InvitationTarget partners(String projectId, String... roles) {
        return new InvitationTarget(InvitationTarget.PROJECT_PARTNERS, null, null, projectId, List.of(roles));
    }

    public void confirm(MeetingScheduled meeting, Person person) {
        feed.publishAndWait(new RegistrationConfirmed(
                meeting.meetingId(),
                meeting.title(),
                Feed.newId(),
                person.id(),
                person.name(),
                person.email(),
                person.language(),
                person.zone(),
                meeting.start(),
                meeting.end(),
                meeting.timeZone(),
                meeting.format(),
                meeting.venue(),
                meeting.onlineLink(),
                meeting.organizerName(),
                meeting.organizerEmail(),
                meeting.sequence(),
                null,
                Instant.now()));
    }

    public void decline(MeetingScheduled meeting, Person person) {
        feed.publishAndWait(new RegistrationDeclined(
                meeting.meetingId(), Feed.newId(), person.id(), meeting.title(), null, "invited", Instant.now()));
    }
}
