package org.concordia.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.concordia.platform.inbox.EventMetadata;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.testing.MongoState;
import org.concordia.testing.RepeatedDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every handler of {@code learnPeople} run twice on the same event, as a crash between its effect and the processed
 * mark would have it: the second run changes nothing a user could see, in the directory, the e-mail index or the
 * demo logins the arrival of a person creates.
 */
class RepeatedDeliveryTest extends IntegrationTest {

    @Autowired
    @Qualifier(LearningDirectory.CONSUMER)
    IdempotentConsumer consumer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_person_registered_twice_is_learnt_once_with_one_login() {
        PersonRegistered anna = person();

        RepeatedDelivery.Change change = twice(anna, people(anna));

        assertThat(change.changed()).isTrue();
        assertThat(directory.person(anna.personId())).isPresent();
    }

    @Test
    void a_person_updated_twice_is_changed_once() {
        PersonRegistered anna = person();
        handle(anna);
        PersonUpdated renamed = new PersonUpdated(
                anna.personId(), "Anna Nowak", "nowak." + anna.email(), "en", "Europe/Sofia", 2, Instant.now());

        RepeatedDelivery.Change change =
                twice(renamed, people(anna).documents("emails", renamed.email().toLowerCase(Locale.ROOT)));

        assertThat(change.changed()).isTrue();
        assertThat(directory.person(anna.personId()).orElseThrow().name()).isEqualTo("Anna Nowak");
    }

    @Test
    void a_member_joining_changing_roles_and_leaving_twice_each_is_applied_once() {
        PersonRegistered anna = person();
        String organization = OrganizationFeed.newId();
        String membership = OrganizationFeed.newId();
        handle(OrganizationFeed.organization(organization, null));

        MemberJoined joined = OrganizationFeed.joined(membership, organization, anna, "member");
        assertThat(twice(joined, people(anna)).changed()).isTrue();

        MemberRolesChanged promoted = new MemberRolesChanged(
                membership,
                organization,
                anna.personId(),
                List.of("member", "coordinator"),
                List.of("member"),
                "Organization " + organization,
                Instant.now());
        assertThat(twice(promoted, people(anna)).changed()).isTrue();

        MemberLeft left = new MemberLeft(
                membership,
                organization,
                anna.personId(),
                "Organization " + organization,
                anna.fullName(),
                List.of("member", "coordinator"),
                Instant.now());
        assertThat(twice(left, people(anna)).changed()).isTrue();
        assertThat(directory.person(anna.personId()).orElseThrow().memberships())
                .isEmpty();
    }

    @Test
    void an_organization_registered_and_moved_under_a_parent_twice_each_is_applied_once() {
        String movement = OrganizationFeed.newId();
        String chapter = OrganizationFeed.newId();
        handle(OrganizationFeed.organization(movement, null));
        OrganizationRegistered registered = OrganizationFeed.organization(chapter, null);
        MongoState organizations = MongoState.of(mongo.getDb()).documents("organizations", chapter);

        assertThat(twice(registered, organizations).changed()).isTrue();

        OrganizationUpdated moved = new OrganizationUpdated(
                chapter,
                registered.name(),
                null,
                registered.kind(),
                registered.country(),
                registered.city(),
                null,
                registered.languages(),
                null,
                movement,
                1,
                Instant.now());
        assertThat(twice(moved, organizations).changed()).isTrue();
        assertThat(directory.parentOf(chapter)).hasValue(movement);
    }

    private RepeatedDelivery.Change twice(DomainEvent event, MongoState state) {
        EventMetadata metadata = metadata(event);
        return RepeatedDelivery.observing(state).deliverTwice(() -> handle(event, metadata));
    }

    /** The person as learnt, their e-mail in the index, and the demo login their arrival created. */
    private MongoState people(PersonRegistered person) {
        return MongoState.of(mongo.getDb())
                .documents("people", person.personId())
                .documents("emails", person.email().toLowerCase(Locale.ROOT))
                .documents("credentials", person.personId());
    }

    private void handle(DomainEvent event) {
        handle(event, metadata(event));
    }

    /** The handler of the event's type, with the same metadata on every run, as a redelivery brings it. */
    private void handle(DomainEvent event, EventMetadata metadata) {
        assertThat(consumer.handleAgain(event, metadata))
                .as("a handler for %s", event.getClass())
                .isTrue();
    }

    private static PersonRegistered person() {
        String id = OrganizationFeed.newId();
        return OrganizationFeed.person(id, "anna." + id + "@example.org");
    }

    private static EventMetadata metadata(DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        return new EventMetadata(
                UUID.randomUUID().toString(), type.type(), type.source(), event.aggregateId(), event.occurredAt());
    }
}
