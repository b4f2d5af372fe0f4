package org.concordia.project.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.GoldenSamples;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.security.OrganizationHierarchy;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.OrganizationFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read model of organizations, fed through the broker as organization-service feeds it. */
class OrganizationDirectoryTest extends IntegrationTest {

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationHierarchy hierarchy;

    @Test
    void the_golden_samples_of_organization_service_are_understood() {
        try (OrganizationFeed feed = new OrganizationFeed()) {
            publishSample(feed, OrganizationRegistered.class, "5d0c8a9e-2b7f-4f1a-9c3e-1a2b3c4d5e6f");
            publishSample(feed, OrganizationUpdated.class, "e9b4c1d3-6a2f-4b7e-9d8c-3b4c5d6e7f80");
            publishSample(feed, OrganizationArchived.class, "d4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8");

            KnownOrganization trakia = awaitKnown("5d0c8a9e-2b7f-4f1a-9c3e-1a2b3c4d5e6f");
            assertThat(trakia.name()).isEqualTo("Регионална асоциация на общините „Тракия“");
            assertThat(trakia.country()).isEqualTo("BG");
            assertThat(trakia.kind()).isEqualTo("association_of_municipalities");
            assertThat(trakia.archived()).isFalse();
            assertThat(trakia.version()).isZero();
            assertThat(trakia.parentId()).isNull();

            KnownOrganization newYork = awaitKnown("e9b4c1d3-6a2f-4b7e-9d8c-3b4c5d6e7f80");
            assertThat(newYork.country()).isEqualTo("US");
            assertThat(newYork.version()).isEqualTo(4);
            assertThat(newYork.parentId())
                    .as("a representation names its centre")
                    .isEqualTo("c7f2d9a1-3e5b-4c6d-8e9f-0a1b2c3d4e5f");

            KnownOrganization branch = awaitKnown("d4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8");
            assertThat(branch.archived()).as("known from its archival alone").isTrue();
            assertThat(branch.name()).isEqualTo("Stowarzyszenie Solidarności Globalnej, Oddział Białystok");
        }
    }

    @Test
    void an_update_older_than_what_is_known_and_a_late_registration_change_nothing() {
        try (OrganizationFeed feed = new OrganizationFeed()) {
            OrganizationRegistered registered = OrganizationFeed.registered(OrganizationFeed.newId(), "Fundacja", "PL");
            feed.publish(registered);
            feed.publish(OrganizationFeed.updated(registered, "Fundacja v3", 3));
            feed.publish(OrganizationFeed.updated(registered, "Fundacja v2", 2));
            feed.publish(registered); // the same registration again, under a new ce_id
            OrganizationRegistered marker = OrganizationFeed.registered(OrganizationFeed.newId(), "Marker", "PL");
            feed.publish(marker);

            awaitKnown(marker.organizationId());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> directory
                            .find(registered.organizationId())
                            .map(KnownOrganization::version)
                            .equals(Optional.of(3L)));
            KnownOrganization known =
                    directory.find(registered.organizationId()).orElseThrow();
            assertThat(known.name()).isEqualTo("Fundacja v3");
            assertThat(known.archived()).isFalse();

            feed.publish(new OrganizationArchived(registered.organizationId(), "Fundacja v3", Instant.now()));
            feed.publish(OrganizationFeed.updated(registered, "Fundacja v4", 4));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> directory
                            .find(registered.organizationId())
                            .map(KnownOrganization::version)
                            .equals(Optional.of(4L)));
            assertThat(directory.find(registered.organizationId()).orElseThrow().archived())
                    .as("archiving is final")
                    .isTrue();
        }
    }

    @Test
    void a_chapter_is_known_under_its_parent_until_an_update_says_otherwise() {
        try (OrganizationFeed feed = new OrganizationFeed()) {
            OrganizationRegistered movement = OrganizationFeed.registered(OrganizationFeed.newId(), "Ruch", "PL");
            OrganizationRegistered other = OrganizationFeed.registered(OrganizationFeed.newId(), "Sieć", "PL");
            OrganizationRegistered chapter =
                    OrganizationFeed.chapter(OrganizationFeed.newId(), "Oddział", "PL", movement);
            feed.publish(movement);
            feed.publish(other);
            feed.publish(chapter);
            feed.publish(chapter); // again, under a new ce_id
            awaitKnown(chapter.organizationId());
            assertThat(hierarchy.parentOf(chapter.organizationId())).contains(movement.organizationId());
            assertThat(hierarchy.parentOf(movement.organizationId())).isEmpty();
            assertThat(hierarchy.parentOf("never-registered")).isEmpty();

            OrganizationUpdated moved = OrganizationFeed.updated(chapter, "Oddział", 2);
            OrganizationUpdated movedBack = OrganizationFeed.updated(chapter, "Oddział", 1);
            feed.publish(withParent(moved, other.organizationId()));
            feed.publish(movedBack); // older: ignored
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            hierarchy.parentOf(chapter.organizationId()).equals(Optional.of(other.organizationId())));

            feed.publish(withParent(OrganizationFeed.updated(chapter, "Samodzielne", 3), null));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> hierarchy.parentOf(chapter.organizationId()).isEmpty());
        }
    }

    private static OrganizationUpdated withParent(OrganizationUpdated update, String parentId) {
        return new OrganizationUpdated(
                update.organizationId(),
                update.name(),
                update.shortName(),
                update.kind(),
                update.country(),
                update.city(),
                update.website(),
                update.languages(),
                update.description(),
                parentId,
                update.version(),
                update.occurredAt());
    }

    private void publishSample(
            OrganizationFeed feed, Class<? extends org.concordia.contracts.DomainEvent> type, String key) {
        EventType eventType = EventCatalogue.of(type);
        feed.publish(eventType, key, GoldenSamples.json(eventType).getBytes(StandardCharsets.UTF_8));
    }

    private KnownOrganization awaitKnown(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id).isPresent());
        return directory.find(id).orElseThrow();
    }
}
