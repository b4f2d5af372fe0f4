package org.concordia.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.GoldenSamples;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.RegistrationConfirmed;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.notification.notice.model.RuleTable;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.StoredNotifications;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.EventMetadata;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.testing.MongoState;
import org.concordia.testing.RepeatedDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule table row by row through the broker: each event type's golden sample, its ids made fresh, is published
 * into a world where every organization it names has a coordinator, every meeting a confirmed participant and the
 * project its partners; what the row says is who gets notifications with which purposes, "nobody" included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleTableTest extends IntegrationTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<IdempotentConsumer> consumers;

    private Feed feed;
    private final Map<String, String> fresh = new HashMap<>();

    static Stream<EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    private byte[] sample(EventType type) {
        return remap(GoldenSamples.json(type)).getBytes(StandardCharsets.UTF_8);
    }

    private String remap(String json) {
        Matcher ids = UUID.matcher(json);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(out, fresh.computeIfAbsent(ids.group(), id -> Feed.newId()));
        }
        ids.appendTail(out);
        return out.toString();
    }

    private void collect(JsonNode node, String field, Map<String, Set<String>> byField) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                collect(entry.getValue(), entry.getKey(), byField);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, field, byField));
        } else if (node.isString() && UUID.matcher(node.asString()).matches()) {
            byField.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(node.asString());
        }
    }

    @BeforeAll
    void world() {
        feed = new Feed(mongo);
        Map<String, Set<String>> byField = new HashMap<>();
        for (EventType type : EventCatalogue.all()) {
            collect(JSON.readTree(sample(type)), "", byField);
        }
        Set<String> people = new TreeSet<>();
        Set<String> organizations = new TreeSet<>();
        byField.forEach((field, ids) -> {
            if (field.toLowerCase().contains("person") || field.equals("organizerId")) {
                people.addAll(ids);
            }
            if (field.toLowerCase().endsWith("organizationid") || field.equals("parentId")) {
                organizations.addAll(ids);
            }
        });
        java.time.Instant now = java.time.Instant.now();
        for (String person : people) {
            feed.publish(new PersonRegistered(
                    person,
                    "Sample " + person.substring(0, 4),
                    person.substring(0, 8) + "@example.org",
                    "en",
                    "Europe/Warsaw",
                    now));
        }
        for (String organization : organizations) {
            String coordinator = Feed.newId();
            feed.publish(new MemberJoined(
                    Feed.newId(),
                    organization,
                    "Org " + organization.substring(0, 4),
                    coordinator,
                    "Coordinator",
                    coordinator.substring(0, 8) + "@example.org",
                    "pl",
                    "Europe/Warsaw",
                    List.of("coordinator"),
                    null,
                    null,
                    now));
        }
        String project = feed.publish(
                EventCatalogue.of(ProjectProposed.class), "p", sample(EventCatalogue.of(ProjectProposed.class)));
        feed.awaitProcessed(EventCatalogue.of(ProjectProposed.class), project);
        feed.publish(EventCatalogue.of(ProjectActivated.class), "p", sample(EventCatalogue.of(ProjectActivated.class)));
        String scheduled = remap(GoldenSamples.json(EventCatalogue.of(MeetingScheduled.class)));
        String confirmed = remap(GoldenSamples.json(EventCatalogue.of(RegistrationConfirmed.class)));
        String sampleMeeting = JSON.readTree(scheduled).path("meetingId").asString();
        String samplePerson = JSON.readTree(confirmed).path("personId").asString();
        String last = null;
        for (String meeting : byField.get("meetingId")) {
            String participant = Feed.newId();
            feed.publish(new PersonRegistered(
                    participant,
                    "Participant",
                    participant.substring(0, 8) + "@example.org",
                    "bg",
                    "Europe/Sofia",
                    now));
            feed.publish(
                    EventCatalogue.of(MeetingScheduled.class),
                    meeting,
                    scheduled.replace(sampleMeeting, meeting).getBytes(StandardCharsets.UTF_8));
            last = feed.publish(
                    EventCatalogue.of(RegistrationConfirmed.class),
                    meeting,
                    confirmed
                            .replace(sampleMeeting, meeting)
                            .replace(samplePerson, participant)
                            .getBytes(StandardCharsets.UTF_8));
        }
        feed.awaitProcessed(EventCatalogue.of(RegistrationConfirmed.class), last);
        String lastMember =
                feed.publish(new PersonRegistered(Feed.newId(), "Last", "last@example.org", "en", "UTC", now));
        feed.awaitProcessed(EventCatalogue.of(PersonRegistered.class), lastMember);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void every_event_type_of_the_catalogue_has_a_row() {
        assertThat(RuleTable.rows().stream().map(RuleTable.Row::event))
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalogue.all().stream().map(EventType::javaType).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void the_row_says_who_is_told(EventType type) {
        RuleTable.Row row = RuleTable.rows().stream()
                .filter(r -> r.event().equals(type.javaType()))
                .findFirst()
                .orElseThrow();
        String key = JSON.readTree(sample(type)).path(type.aggregate() + "Id").asString("k");

        String ceId = feed.publish(type, key, sample(type));
        feed.awaitProcessed(type, ceId);

        Set<String> purposes = new TreeSet<>();
        for (Document stored : mongo.getCollection("notifications").find(new Document("sourceId", ceId))) {
            Document notification = StoredNotifications.withText(mongo, stored);
            purposes.add(notification.getString("purpose"));
            assertThat(notification.getString("_id"))
                    .isEqualTo(
                            ceId + ":" + notification.getString("personId") + ":" + notification.getString("purpose"));
            assertThat(notification.getString("title")).isNotBlank().doesNotContain("{");
            assertThat(notification.getString("reason")).isNotBlank().doesNotContain("{");
        }
        assertThat(purposes).as(row.who()).isEqualTo(new TreeSet<>(row.purposes()));
    }

    @Test
    void whoever_joins_as_a_coordinator_is_welcomed_and_not_told_that_they_joined() {
        java.time.Instant now = java.time.Instant.now();
        String organization = Feed.newId();
        String first = Feed.newId();
        String second = Feed.newId();
        feed.publishAndWait(joined(organization, first, now));
        String joining = feed.publishAndWait(joined(organization, second, now));

        List<String> told = new java.util.ArrayList<>();
        for (Document stored : mongo.getCollection("notifications").find(new Document("sourceId", joining))) {
            told.add(stored.getString("personId") + " " + stored.getString("purpose"));
        }
        assertThat(told).containsExactlyInAnyOrder(second + " welcome", first + " coordinator");
    }

    private static MemberJoined joined(String organization, String person, java.time.Instant at) {
        return new MemberJoined(
                Feed.newId(),
                organization,
                "Koalicja",
                person,
                "Coordinator " + person.substring(0, 4),
                person.substring(0, 8) + "@example.org",
                "pl",
                "Europe/Warsaw",
                List.of("coordinator"),
                null,
                null,
                at);
    }

    /**
     * Every handler run a second time on the same event, as a crash between its effect and the processed mark would
     * have it: the read model, the notifications, the inboxes, the digests, the reminders and the deliveries arranged
     * are as after the first run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void handled_twice_the_event_changes_nothing_the_second_time(EventType type) {
        DomainEvent event = new EventJson().read(sample(type), type.javaType());
        EventMetadata metadata =
                new EventMetadata(Feed.newId(), type.type(), type.source(), event.aggregateId(), event.occurredAt());
        MongoState stored = MongoState.of(mongo.getDb())
                .collection("people")
                .collection("organizations")
                .collection("memberships")
                .collection("partnerships")
                .collection("projects")
                .collection("meetings")
                .collection("registrations")
                .collection("notifications")
                .collection("inbox_buckets")
                .collection("inbox_summaries")
                .collection("digests")
                .collection("reminder_slots")
                .collection("reminder_plans")
                // a lease changes when a poller looks, not when the handler runs
                .ignoringFields("leaseUntil", "owner");
        Supplier<Object> state = () -> List.of(stored.get(), arrangedDeliveries());

        RepeatedDelivery.Change change = RepeatedDelivery.observing(state)
                .deliverTwice(() -> assertThat(
                                consumers.stream().anyMatch(consumer -> consumer.handleAgain(event, metadata)))
                        .as("a handler for %s", type.type())
                        .isTrue());

        RuleTable.Row row = RuleTable.rows().stream()
                .filter(r -> r.event().equals(type.javaType()))
                .findFirst()
                .orElseThrow();
        if (!row.purposes().isEmpty()) {
            assertThat(change.changed()).as("%s tells someone", type.type()).isTrue();
        }
    }

    /**
     * The ids of every delivery arranged, sent or not: sending moves one from the queue to the records, and claiming a
     * list of e-mails due together puts each of them into the queue.
     */
    private Set<String> arrangedDeliveries() {
        Set<String> ids = new TreeSet<>();
        for (String collection : List.of("delivery_queue", "deliveries")) {
            mongo.getCollection(collection)
                    .find()
                    .projection(new Document("_id", 1).append("ids", 1))
                    .forEach(d -> {
                        if (d.get("ids") instanceof List<?> listed) {
                            listed.forEach(notification -> ids.add(notification + ":email"));
                        } else {
                            ids.add(d.getString("_id"));
                        }
                    });
        }
        return ids;
    }
}
