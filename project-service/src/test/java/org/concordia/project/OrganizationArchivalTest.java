package org.concordia.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.project.support.Api.json;
import static org.concordia.project.support.PublishedEvents.payload;
import static org.concordia.project.support.PublishedEvents.types;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationDirectory;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.KnownOrganizations;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.PublishedEvents;
import org.concordia.project.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An organization archived in organization-service loses its pending invitations here, each withdrawal published
 * once; and replaying organization-events, or rebuilding the read model from them, changes and publishes nothing.
 */
class OrganizationArchivalTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory directory;

    @Test
    void an_archived_organizations_pending_invitations_are_withdrawn_once_and_a_replay_publishes_nothing_new() {
        try (OrganizationFeed feed = new OrganizationFeed();
                PublishedEvents events = new PublishedEvents()) {
            KnownOrganizations organizations = new KnownOrganizations(feed, directory);
            OrganizationRegistered lead = organizations.register("Fundacja Białystok", "PL");
            OrganizationRegistered leaving = organizations.register("Associação Porto Acolhe", "PT");
            OrganizationRegistered staying = organizations.register("Verein Graz Integriert", "AT");
            organizations.awaitKnown(lead, leaving, staying);
            Api api = new Api(port).as(Tokens.coordinatorOf(lead.organizationId()));

            String draft = propose(api, lead, "Draft with a pending invitation");
            invite(api, draft, leaving);
            String active = propose(api, lead, "Active with a pending invitation");
            invite(api, active, staying);
            accept(api, active, staying);
            assertThat(api.post("/api/v1/projects/" + active + "/activate", null)
                            .status())
                    .isEqualTo(200);
            invite(api, active, leaving);
            String accepted = propose(api, lead, "Accepted partner stays");
            invite(api, accepted, leaving);
            accept(api, accepted, leaving);
            String cancelled = propose(api, lead, "Cancelled keeps its history");
            invite(api, cancelled, leaving);
            assertThat(api.post("/api/v1/projects/" + cancelled + "/cancel", null)
                            .status())
                    .isEqualTo(200);
            events.awaitAtLeast(cancelled, 3);

            feed.publish(OrganizationFeed.archived(leaving));

            organizations.awaitArchived(leaving.organizationId());
            for (String project : List.of(draft, active)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "withdrawn".equals(partnerStatus(api, project, leaving)));
                ConsumerRecord<String, byte[]> withdrawal = events.await(project, "partner-withdrawn");
                assertThat(payload(withdrawal).path("organizationId").asString())
                        .isEqualTo(leaving.organizationId());
                assertThat(payload(withdrawal).path("organizationName").asString())
                        .isEqualTo("Associação Porto Acolhe");
                assertThat(payload(withdrawal).path("reason").asString()).isEqualTo("organization archived");
                assertThat(payload(withdrawal).path("leadOrganizationName").asString())
                        .isEqualTo("Fundacja Białystok");
            }
            assertThat(partnerStatus(api, accepted, leaving)).isEqualTo("accepted");
            assertThat(partnerStatus(api, cancelled, leaving)).isEqualTo("invited");
            Response archivedInvitation = api.post(
                    "/api/v1/projects/" + propose(api, lead, "After the archival") + "/partners",
                    json("organizationId", leaving.organizationId()));
            assertThat(archivedInvitation.status()).isEqualTo(422);
            assertThat(archivedInvitation.field("detail")).contains("Associação Porto Acolhe is archived");

            List<String> projects = List.of(draft, active, accepted, cancelled);
            Map<String, List<String>> before = publishedTypes(events, projects);
            assertThat(before.get(draft)).containsOnlyOnce("concordia.project.partner-withdrawn.v1");
            assertThat(before.get(active)).containsOnlyOnce("concordia.project.partner-withdrawn.v1");
            assertThat(before.get(accepted)).doesNotContain("concordia.project.partner-withdrawn.v1");
            assertThat(before.get(cancelled)).doesNotContain("concordia.project.partner-withdrawn.v1");
            Map<String, Long> versions = versions(projects);
            List<KnownOrganization> learnt = known(lead, leaving, staying);

            // the same records again, as a redelivery would bring them: every ce_id was processed already
            feed.replay(feed.sent());
            // then a rebuild: the read model and the consumer's marks are gone, and the topic is read again
            forget(feed.sent(), lead, leaving, staying);
            feed.replay(feed.sent());

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () -> assertThat(known(lead, leaving, staying)).isEqualTo(learnt));
            // every record handled again (the mark is written after the effect), so whatever it caused is written
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> processedAgain(feed.sent()));
            assertThat(publishedTypes(events, projects)).isEqualTo(before);
            assertThat(versions(projects)).isEqualTo(versions);
        }
    }

    @Test
    void a_renamed_partner_is_shown_under_its_new_name_and_nothing_is_published_for_it() {
        try (OrganizationFeed feed = new OrganizationFeed();
                PublishedEvents events = new PublishedEvents()) {
            KnownOrganizations organizations = new KnownOrganizations(feed, directory);
            OrganizationRegistered lead = organizations.register("Fundacja Lublin", "PL");
            OrganizationRegistered partner = organizations.register("Verein Linz", "AT");
            organizations.awaitKnown(lead, partner);
            Api api = new Api(port).as(Tokens.coordinatorOf(lead.organizationId()));
            String project = propose(api, lead, "Projekt z partnerem, który zmienia nazwę");
            invite(api, project, partner);
            events.awaitAtLeast(project, 2);

            feed.publish(OrganizationFeed.updated(partner, "Verein Linz Integration", 1));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "Verein Linz Integration"
                            .equals(api.get("/api/v1/projects/" + project + "/partners/" + partner.organizationId())
                                    .field("name")));
            assertThat(types(events.all(project, mongo)))
                    .containsExactly("concordia.project.proposed.v1", "concordia.project.partner-invited.v1");
        }
    }

    private Map<String, List<String>> publishedTypes(PublishedEvents events, List<String> projects) {
        List<ConsumerRecord<String, byte[]>> all = events.all(mongo);
        return projects.stream()
                .collect(Collectors.toMap(
                        p -> p,
                        p -> types(all.stream().filter(r -> p.equals(r.key())).toList())));
    }

    private boolean processedAgain(List<ProducerRecord<String, byte[]>> records) {
        return records.stream()
                .allMatch(record -> mongo.getCollection(IdempotentConsumers.COLLECTION)
                                .countDocuments(new Document("_id", "learnOrganizations:" + ceId(record)))
                        > 0);
    }

    private static String ceId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private Map<String, Long> versions(List<String> projects) {
        return projects.stream()
                .collect(Collectors.toMap(
                        p -> p,
                        p -> mongo.getCollection("projects")
                                .find(new Document("_id", p))
                                .first()
                                .get("version", Number.class)
                                .longValue()));
    }

    private List<KnownOrganization> known(OrganizationRegistered... organizations) {
        return java.util.Arrays.stream(organizations)
                .map(o -> directory.find(o.organizationId()).orElse(null))
                .toList();
    }

    /** Drops what the consumer learnt from these records: the directory entries and the processed-event marks. */
    private void forget(List<ProducerRecord<String, byte[]>> records, OrganizationRegistered... organizations) {
        for (OrganizationRegistered organization : organizations) {
            mongo.getCollection("organizations").deleteOne(new Document("_id", organization.organizationId()));
        }
        for (ProducerRecord<String, byte[]> record : records) {
            mongo.getCollection(IdempotentConsumers.COLLECTION)
                    .deleteOne(new Document("_id", "learnOrganizations:" + ceId(record)));
        }
        assertThat(directory.find(organizations[0].organizationId())).isEmpty();
    }

    private static String propose(Api api, OrganizationRegistered lead, String title) {
        Response response = api.post(
                "/api/v1/projects",
                json(
                        "title",
                        title,
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

    private static void accept(Api api, String project, OrganizationRegistered organization) {
        Response response = api.as(Tokens.coordinatorOf(organization.organizationId()))
                .post("/api/v1/projects/" + project + "/partners/" + organization.organizationId() + "/accept", null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static String partnerStatus(Api api, String project, OrganizationRegistered organization) {
        return api.get("/api/v1/projects/" + project + "/partners/" + organization.organizationId())
                .field("status");
    }
}
