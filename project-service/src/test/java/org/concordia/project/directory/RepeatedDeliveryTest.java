package org.concordia.project.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.project.support.Api.json;

import java.util.UUID;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.platform.inbox.EventMetadata;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.KnownOrganizations;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.Tokens;
import org.concordia.testing.MongoState;
import org.concordia.testing.RepeatedDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every handler of {@code learnOrganizations} run twice on the same event, as a crash between its effect and the
 * processed mark would have it: the second run changes nothing a user could see, in the directory or in the
 * projects that react to it (their versions count every change and every published event).
 */
class RepeatedDeliveryTest extends IntegrationTest {

    @Autowired
    @Qualifier(LearningOrganizations.CONSUMER)
    IdempotentConsumer consumer;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void a_registration_handled_twice_is_learnt_once() {
        OrganizationRegistered registered =
                OrganizationFeed.registered(OrganizationFeed.newId(), "Stowarzyszenie Gmin Lubelszczyzny", "PL");

        EventMetadata metadata = metadata(registered);

        RepeatedDelivery.Change change = RepeatedDelivery.observing(state(registered.organizationId()))
                .deliverTwice(() -> handle(registered, metadata));

        assertThat(change.changed()).isTrue();
        assertThat(directory.find(registered.organizationId()).orElseThrow().name())
                .isEqualTo("Stowarzyszenie Gmin Lubelszczyzny");
    }

    @Test
    void an_update_handled_twice_renames_the_partner_in_its_projects_once() {
        try (OrganizationFeed feed = new OrganizationFeed()) {
            KnownOrganizations organizations = new KnownOrganizations(feed, directory);
            OrganizationRegistered lead = organizations.register("Fundacja Zamość", "PL");
            OrganizationRegistered partner = organizations.register("Asociația Iași", "RO");
            organizations.awaitKnown(lead, partner);
            Api api = new Api(port).as(Tokens.coordinatorOf(lead.organizationId()));
            String project = propose(api, lead);
            invite(api, project, partner);

            DomainEvent updated = OrganizationFeed.updated(partner, "Asociația Iași Solidară", 1);
            EventMetadata metadata = metadata(updated);

            RepeatedDelivery.Change change = RepeatedDelivery.observing(
                            state(partner.organizationId()).documents("projects", project))
                    .deliverTwice(() -> handle(updated, metadata));

            assertThat(change.changed()).isTrue();
            assertThat(api.get("/api/v1/projects/" + project + "/partners/" + partner.organizationId())
                            .field("name"))
                    .isEqualTo("Asociația Iași Solidară");
        }
    }

    @Test
    void an_archival_handled_twice_withdraws_the_pending_invitation_once() {
        try (OrganizationFeed feed = new OrganizationFeed()) {
            KnownOrganizations organizations = new KnownOrganizations(feed, directory);
            OrganizationRegistered lead = organizations.register("Fundacja Chełm", "PL");
            OrganizationRegistered leaving = organizations.register("Verein Villach", "AT");
            organizations.awaitKnown(lead, leaving);
            Api api = new Api(port).as(Tokens.coordinatorOf(lead.organizationId()));
            String project = propose(api, lead);
            invite(api, project, leaving);

            DomainEvent archived = OrganizationFeed.archived(leaving);
            EventMetadata metadata = metadata(archived);

            RepeatedDelivery.Change change = RepeatedDelivery.observing(
                            state(leaving.organizationId()).documents("projects", project))
                    .deliverTwice(() -> handle(archived, metadata));

            assertThat(change.changed()).isTrue();
            assertThat(api.get("/api/v1/projects/" + project + "/partners/" + leaving.organizationId())
                            .field("status"))
                    .isEqualTo("withdrawn");
        }
    }

    /** The organization as learnt, and whatever else the test adds; the relay empties outboxes on its own. */
    private MongoState state(String organizationId) {
        return MongoState.of(mongo.getDb())
                .documents("organizations", organizationId)
                .ignoringFields("_outbox");
    }

    /** The handler of the event's type, with the same metadata on every run, as a redelivery brings it. */
    private void handle(DomainEvent event, EventMetadata metadata) {
        assertThat(consumer.handleAgain(event, metadata))
                .as("a handler for %s", event.getClass())
                .isTrue();
    }

    private static EventMetadata metadata(DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        return new EventMetadata(
                UUID.randomUUID().toString(), type.type(), type.source(), event.aggregateId(), event.occurredAt());
    }

    private static String propose(Api api, OrganizationRegistered lead) {
        Response response = api.post(
                "/api/v1/projects",
                json(
                        "title",
                        "Projekt " + lead.name(),
                        "leadOrganizationId",
                        lead.organizationId(),
                        "plannedStart",
                        "2026-01-01",
                        "plannedEnd",
                        "2027-06-30"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.field("id");
    }

    private static void invite(Api api, String project, OrganizationRegistered organization) {
        Response response = api.post(
                "/api/v1/projects/" + project + "/partners", json("organizationId", organization.organizationId()));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
