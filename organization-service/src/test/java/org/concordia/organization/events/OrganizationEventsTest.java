package org.concordia.organization.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.organization.ServiceTest;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * What consumers receive: every change is on {@code organization-events}, keyed by its aggregate id, in the CloudEvents
 * binary envelope, with a payload that reads back into the contract record carrying the state consumers need.
 */
class OrganizationEventsTest extends ServiceTest {

    private static final EventJson JSON = new EventJson();

    @Test
    void an_organization_is_registered_updated_and_archived() {
        Response parent = registerOrganization("Координационен център " + unique(), "US", null);
        Api centre = as(coordinatorOf(parent.id()));
        Response organization = centre.post("/api/v1/organizations", """
                {"name": "Международно обществено движение «АЛЛАТРА» — България %s", "shortName": "АЛЛАТРА",
                 "kind": "representation", "country": "BG", "city": "София", "website": "https://allatra.org",
                 "languages": ["bg", "en"], "description": "Представителство", "parentId": "%s"}""".formatted(unique(), parent.id()));
        String id = organization.id();
        centre.patch("/api/v1/organizations/" + id, "{\"city\": \"Пловдив\"}");
        centre.post("/api/v1/organizations/" + id + "/archive", null);

        List<ConsumerRecord<String, byte[]>> records = publishedFor(id);

        assertThat(records)
                .extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly(
                        "concordia.organization.registered.v1",
                        "concordia.organization.updated.v1",
                        "concordia.organization.archived.v1");
        records.forEach(r -> assertEnvelope(r, id));

        OrganizationRegistered registered = read(records.get(0), OrganizationRegistered.class);
        assertThat(registered.organizationId()).isEqualTo(id);
        assertThat(registered.name()).isEqualTo(organization.get("name"));
        assertThat(registered.shortName()).isEqualTo("АЛЛАТРА");
        assertThat(registered.kind()).isEqualTo("representation");
        assertThat(registered.country()).isEqualTo("BG");
        assertThat(registered.city()).isEqualTo("София");
        assertThat(registered.website()).isEqualTo("https://allatra.org");
        assertThat(registered.languages()).containsExactly("bg", "en");
        assertThat(registered.description()).isEqualTo("Представителство");
        assertThat(registered.parentId()).isEqualTo(parent.id());
        assertThat(registered.occurredAt()).isEqualTo(Instant.parse((String) organization.get("registeredAt")));

        OrganizationUpdated updated = read(records.get(1), OrganizationUpdated.class);
        assertThat(updated.city()).isEqualTo("Пловдив");
        assertThat(updated.name()).isEqualTo(registered.name());
        assertThat(updated.parentId()).isEqualTo(parent.id());
        assertThat(updated.version()).isEqualTo(1);

        OrganizationArchived archived = read(records.get(2), OrganizationArchived.class);
        assertThat(archived.organizationId()).isEqualTo(id);
        assertThat(archived.name()).isEqualTo(registered.name());
    }

    @Test
    void a_person_is_registered_and_updated() {
        Response person = registerPerson("Георги Петров", "g.petrov." + unique() + "@allatra-bg.example");
        String id = person.id();
        as(personToken(id)).put("/api/v1/people/" + id, """
                {"fullName": "Георги Петров", "email": "%s", "preferredLanguage": "en", "timeZone": "Europe/London"}""".formatted(person.get("email")));

        List<ConsumerRecord<String, byte[]>> records = publishedFor(id);

        assertThat(records)
                .extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly("concordia.person.registered.v1", "concordia.person.updated.v1");
        records.forEach(r -> assertEnvelope(r, id));
        PersonRegistered registered = read(records.get(0), PersonRegistered.class);
        assertThat(registered)
                .isEqualTo(new PersonRegistered(
                        id, "Георги Петров", (String) person.get("email"), "bg", "Europe/Sofia", Instant.parse((String)
                                person.get("registeredAt"))));
        PersonUpdated updated = read(records.get(1), PersonUpdated.class);
        assertThat(updated.preferredLanguage()).isEqualTo("en");
        assertThat(updated.timeZone()).isEqualTo("Europe/London");
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    void a_member_joins_changes_roles_and_leaves() {
        Response organization = registerOrganization("Stowarzyszenie " + unique(), "PL", null);
        Response person = registerPerson("Anna Kowalska", "anna." + unique() + "@ssg.example");
        Api coordinator = as(coordinatorOf(organization.id()));
        Response joined =
                coordinator.post("/api/v1/organizations/" + organization.id() + "/members", """
                {"personId": "%s", "roles": ["member"], "validFrom": "2025-02-01"}""".formatted(person.id()));
        String id = joined.id();
        coordinator.patch("/api/v1/memberships/" + id, "{\"roles\": [\"coordinator\", \"representative\"]}");
        as(personToken(person.id())).post("/api/v1/memberships/" + id + "/leave", null);

        List<ConsumerRecord<String, byte[]>> records = publishedFor(id);

        assertThat(records)
                .extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly(
                        "concordia.membership.joined.v1",
                        "concordia.membership.roles-changed.v1",
                        "concordia.membership.left.v1");
        records.forEach(r -> assertEnvelope(r, id));
        MemberJoined memberJoined = read(records.get(0), MemberJoined.class);
        assertThat(memberJoined.organizationId()).isEqualTo(organization.id());
        assertThat(memberJoined.organizationName()).isEqualTo(organization.get("name"));
        assertThat(memberJoined.personId()).isEqualTo(person.id());
        assertThat(memberJoined.personName()).isEqualTo("Anna Kowalska");
        assertThat(memberJoined.email()).isEqualTo(person.get("email"));
        assertThat(memberJoined.preferredLanguage()).isEqualTo("bg");
        assertThat(memberJoined.timeZone()).isEqualTo("Europe/Sofia");
        assertThat(memberJoined.roles()).containsExactly("member");
        assertThat(memberJoined.validFrom()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(memberJoined.validUntil()).isNull();

        MemberRolesChanged changed = read(records.get(1), MemberRolesChanged.class);
        assertThat(changed.roles()).containsExactly("coordinator", "representative");
        assertThat(changed.previousRoles()).containsExactly("member");
        assertThat(changed.organizationName()).isEqualTo(organization.get("name"));

        MemberLeft left = read(records.get(2), MemberLeft.class);
        assertThat(left.organizationId()).isEqualTo(organization.id());
        assertThat(left.personId()).isEqualTo(person.id());
        assertThat(left.organizationName()).isEqualTo(organization.get("name"));
        assertThat(left.personName()).isEqualTo("Anna Kowalska");
        assertThat(left.roles()).containsExactly("coordinator", "representative");
    }

    @Test
    void a_partnership_is_formed_and_ended() {
        Response city = registerOrganization("Miasto Katowice " + unique(), "PL", null);
        Response network = registerOrganization("Global Parliament of Mayors " + unique(), "NL", null);
        Response formed =
                as(coordinatorOf(city.id())).post("/api/v1/partnerships", """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "network_membership",
                 "since": "2019-11-21"}""".formatted(city.id(), network.id()));
        String id = formed.id();
        as(coordinatorOf(network.id())).post("/api/v1/partnerships/" + id + "/end", "{\"endedOn\": \"2025-12-31\"}");

        List<ConsumerRecord<String, byte[]>> records = publishedFor(id);

        assertThat(records)
                .extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly("concordia.partnership.formed.v1", "concordia.partnership.ended.v1");
        records.forEach(r -> assertEnvelope(r, id));
        PartnershipFormed partnershipFormed = read(records.get(0), PartnershipFormed.class);
        assertThat(partnershipFormed.organizationId()).isEqualTo(city.id());
        assertThat(partnershipFormed.organizationName()).isEqualTo(city.get("name"));
        assertThat(partnershipFormed.partnerOrganizationId()).isEqualTo(network.id());
        assertThat(partnershipFormed.partnerOrganizationName()).isEqualTo(network.get("name"));
        assertThat(partnershipFormed.kind()).isEqualTo("network_membership");
        assertThat(partnershipFormed.since()).isEqualTo(LocalDate.of(2019, 11, 21));
        assertThat(partnershipFormed.until()).isNull();
        PartnershipEnded ended = read(records.get(1), PartnershipEnded.class);
        assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(ended.organizationName()).isEqualTo(city.get("name"));
        assertThat(ended.partnerOrganizationName()).isEqualTo(network.get("name"));
        assertThat(ended.kind()).isEqualTo("network_membership");
    }

    private static void assertEnvelope(ConsumerRecord<String, byte[]> record, String aggregateId) {
        assertThat(record.topic()).isEqualTo(EventCatalogue.ORGANIZATION_EVENTS);
        assertThat(record.key()).isEqualTo(aggregateId);
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/organization-service");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(aggregateId);
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        String type = TopicReader.header(record, CloudEventHeaders.TYPE);
        Class<? extends DomainEvent> javaType =
                EventCatalogue.byType(type).orElseThrow().javaType();
        DomainEvent event = JSON.read(record.value(), javaType);
        assertThat(event.aggregateId()).isEqualTo(aggregateId);
        assertThat(Instant.parse(TopicReader.header(record, CloudEventHeaders.TIME)))
                .isEqualTo(event.occurredAt());
    }

    private static <T extends DomainEvent> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return JSON.read(record.value(), type);
    }
}
