package org.concordia.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** People, memberships and the hierarchy, learned through the broker as organization-service publishes them. */
class DirectoryTest extends IntegrationTest {

    @Test
    void people_memberships_and_parents_are_learned_and_a_replay_changes_nothing() {
        String movement = OrganizationFeed.newId();
        String chapter = OrganizationFeed.newId();
        PersonRegistered anna = OrganizationFeed.person(OrganizationFeed.newId(), "anna." + movement + "@example.org");
        String coordination = OrganizationFeed.newId();
        String chapterMembership = OrganizationFeed.newId();
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.organization(movement, null));
            feed.publish(OrganizationFeed.organization(chapter, movement));
            feed.publish(anna);
            feed.publish(OrganizationFeed.joined(coordination, movement, anna, "coordinator"));
            feed.publish(OrganizationFeed.joined(chapterMembership, chapter, anna, "member"));
            feed.publish(new MemberRolesChanged(
                    chapterMembership,
                    chapter,
                    anna.personId(),
                    List.of("member", "representative"),
                    List.of("member"),
                    "Chapter",
                    Instant.now()));
            feed.publish(new MemberLeft(
                    coordination,
                    movement,
                    anna.personId(),
                    "Movement",
                    anna.fullName(),
                    List.of("coordinator"),
                    Instant.now()));
            feed.publish(new PersonUpdated(
                    anna.personId(), "Anna Nowak", anna.email(), "en", "Europe/Warsaw", 3, Instant.now()));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(directory.person(anna.personId()))
                            .hasValueSatisfying(person -> {
                                assertThat(person.name()).isEqualTo("Anna Nowak");
                                assertThat(person.locale()).isEqualTo("en");
                                assertThat(person.memberships())
                                        .containsExactly(
                                                new Person.Membership(chapter, List.of("member", "representative")));
                            }));
            assertThat(directory.parentOf(chapter)).hasValue(movement);
            assertThat(directory.parentOf(movement)).isEmpty();
            assertThat(directory.personByEmail(anna.email().toUpperCase())).isPresent();

            // the records again, as a rebalance or an operator's replay delivers them, then an older update and a
            // join that arrives after the member left
            double duplicatesBefore = duplicates();
            feed.replay();
            String olderUpdate = feed.publish(new PersonUpdated(
                    anna.personId(), "Anna Stara", anna.email(), "pl", "Europe/Warsaw", 2, Instant.now()));
            MemberJoined lateJoin = OrganizationFeed.joined(coordination, movement, anna, "coordinator");
            String late = feed.publish(lateJoin);
            int replayed = 8;
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            duplicates() >= duplicatesBefore + replayed && processed(olderUpdate) && processed(late));

            Person after = directory.person(anna.personId()).orElseThrow();
            assertThat(after.name()).as("an older update is ignored").isEqualTo("Anna Nowak");
            assertThat(after.memberships())
                    .as("a membership that ended stays ended")
                    .containsExactly(new Person.Membership(chapter, List.of("member", "representative")));
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private boolean processed(String eventId) {
        return mongo.getCollection(IdempotentConsumers.COLLECTION)
                        .find(new Document("_id", "learnPeople:" + eventId))
                        .first()
                != null;
    }

    private double duplicates() {
        Counter counter = meters.find("concordia.inbox.duplicates")
                .tag("consumer", "learnPeople")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
