package org.concordia.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.StoredNotifications;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Polls of {@code organization-events} handed to the consumer as the binder hands them: what a poll teaches the
 * read model is written together, and every write still decides as it would one event after another (a document
 * written twice in the poll, an older event arriving late, an audience read from the read model after a write).
 */
class PollOfEventsTest extends IntegrationTest {

    private final EventJson json = new EventJson();

    @Autowired
    @Qualifier("notifyAboutOrganizations")
    IdempotentConsumer consumer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_poll_teaches_the_read_model_as_its_events_one_after_another_would() {
        String organization = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        String membership = UUID.randomUUID().toString();
        String email = "maria." + person + "@example.org";
        Instant t = Instant.parse("2026-11-02T09:00:00Z");
        Message<byte[]> archived = message(new OrganizationArchived(organization, "Sdruzhenie Zora", t.plusSeconds(4)));
        consumer.acceptAll(List.of(
                message(new OrganizationRegistered(
                        organization,
                        "Sdruzhenie Zora",
                        null,
                        "association",
                        "BG",
                        "Sofia",
                        null,
                        List.of("bg"),
                        null,
                        null,
                        t)),
                message(new PersonRegistered(person, "Maria Ivanova", email, "en", "Europe/London", t)),
                message(new MemberJoined(
                        membership,
                        organization,
                        "Sdruzhenie Zora",
                        person,
                        "Maria Ivanova",
                        email,
                        "en",
                        "Europe/London",
                        List.of("member"),
                        null,
                        null,
                        t.plusSeconds(1))),
                // the membership again in the same poll: decided after the join
                message(new MemberRolesChanged(
                        membership,
                        organization,
                        person,
                        List.of("coordinator"),
                        List.of("member"),
                        "Sdruzhenie Zora",
                        t.plusSeconds(3))),
                // an older change arriving late loses against the newer one
                message(new MemberRolesChanged(
                        membership,
                        organization,
                        person,
                        List.of("member"),
                        List.of(),
                        "Sdruzhenie Zora",
                        t.plusSeconds(2)))));
        // a poll without notices to named people: nothing is written before the members are read, but what waits
        consumer.acceptAll(List.of(
                message(new PersonUpdated(person, "Maria Ivanova", email, "bg", "Europe/Sofia", 1, t.plusSeconds(3))),
                // told to the members as the read model is now: the person in Bulgarian
                archived));

        Document stored = mongo.getCollection("memberships")
                .find(new Document("_id", membership))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getList("roles", String.class)).containsExactly("coordinator");
        assertThat(stored.getDate("rolesAt").toInstant()).isEqualTo(t.plusSeconds(3));
        Document known =
                mongo.getCollection("people").find(new Document("_id", person)).first();
        assertThat(known).isNotNull();
        assertThat(known.getString("language")).isEqualTo("bg");
        assertThat(known.getString("zone")).isEqualTo("Europe/Sofia");
        assertThat(known.get("version", Number.class).longValue()).isEqualTo(1L);

        Document told = StoredNotifications.find(
                mongo, archived.getHeaders().get(CloudEventHeaders.ID) + ":" + person + ":member");
        assertThat(told).as("the members of the archived organization told").isNotNull();
        assertThat(told.getString("language")).isEqualTo("bg");
        assertThat(told.getString("zone")).isEqualTo("Europe/Sofia");
        // the two role changes told the person, each once
        assertThat(mongo.getCollection("notifications")
                        .countDocuments(new Document("personId", person)
                                .append(
                                        "type",
                                        EventCatalogue.of(MemberRolesChanged.class)
                                                .type())))
                .isEqualTo(2);
    }

    private Message<byte[]> message(DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        return MessageBuilder.withPayload(json.write(event))
                .setHeader(CloudEventHeaders.ID, UUID.randomUUID().toString())
                .setHeader(CloudEventHeaders.TYPE, type.type())
                .setHeader(CloudEventHeaders.SOURCE, type.source())
                .setHeader(CloudEventHeaders.SUBJECT, event.aggregateId())
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .build();
    }
}
