package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.concordia.testing.TcpProxy;
import org.concordia.testing.TopicReader;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault drills against organization-service and event-service running as processes: the broker stopped for 30 s while
 * coordinators keep registering organizations and scheduling meetings, and event-service's store cut for 30 s while
 * its consumers receive events. Each drill ends with the count of what was lost, duplicated, reordered or
 * dead-lettered, which must be zero.
 */
class OutageDrillTest {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drill.outage-seconds", 30));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private static DrillPlatform platform;
    private static TcpProxy meetingStore;
    private static ServiceProcess organizations;
    private static ServiceProcess meetings;
    private static String organizationId;
    private static String coordinatorId;

    @BeforeAll
    static void start() throws Exception {
        platform = DrillPlatform.open("outage", data);
        URI store = URI.create(platform.mongoUri());
        meetingStore = TcpProxy.to(store.getHost(), store.getPort());
        organizations = platform.start("organization-service", null, "--logging.structured.format.console=ecs");
        // A short server selection timeout: while the link is cut, the store's calls fail fast instead of waiting 30 s.
        meetings = platform.start(
                "event-service", "mongodb://127.0.0.1:" + meetingStore.port() + "/?serverSelectionTimeoutMS=2000");
        platform.awaitReady(organizations, meetings);

        organizationId = created(platform.call(organizations, "POST", "/api/v1/organizations", organization("Drill")));
        coordinatorId = created(platform.call(organizations, "POST", "/api/v1/people", person("Coordinator")));
        created(platform.call(
                organizations,
                "POST",
                "/api/v1/organizations/" + organizationId + "/members",
                "{\"personId\": \"%s\", \"roles\": [\"coordinator\"]}".formatted(coordinatorId)));
        // event-service schedules for the organization once its read model knows the coordinator.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> platform.call(coordinator(), meetings, "POST", "/api/v1/meetings", meeting(0))
                                .statusCode()
                        == 201);
    }

    /** The drill organization's coordinator, as their token says. */
    private static String coordinator() {
        return TestIssuer.get()
                .person(coordinatorId)
                .member(organizationId, "coordinator")
                .sign();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (meetingStore != null) {
            meetingStore.close();
        }
    }

    @Test
    void one_property_turns_a_services_log_into_json_lines() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(organizations.log());
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.path("@timestamp").asString()).as(line).isNotEmpty();
            assertThat(entry.path("message").isMissingNode()).as(line).isFalse();
            assertThat(
                            entry.path("service").path("name").asString().isEmpty()
                                    ? entry.path("service.name").asString()
                                    : entry.path("service").path("name").asString())
                    .as(line)
                    .isEqualTo("organization-service");
        }
    }

    @Test
    void writes_accepted_while_the_broker_is_down_are_all_published_once_and_in_order_when_it_is_back()
            throws Exception {
        Map<String, Integer> organizationVersions = new LinkedHashMap<>();
        List<String> meetingIds = new ArrayList<>();
        int refused = 0;

        platform.stopBroker();
        long until = System.nanoTime() + OUTAGE.toNanos();
        int n = 0;
        while (System.nanoTime() < until) {
            n++;
            HttpResponse<String> registered =
                    platform.call(organizations, "POST", "/api/v1/organizations", organization("Outage " + n));
            if (registered.statusCode() != 201) {
                refused++;
                continue;
            }
            String id = field(registered, "id");
            int version = 0;
            for (String city : List.of("Białystok", "Katowice")) {
                HttpResponse<String> changed = platform.call(
                        TestIssuer.get()
                                .person(coordinatorId)
                                .member(id, "coordinator")
                                .sign(),
                        organizations,
                        "PATCH",
                        "/api/v1/organizations/" + id,
                        "{\"city\": \"" + city + "\"}");
                if (changed.statusCode() == 200) {
                    version++;
                } else {
                    refused++;
                }
            }
            organizationVersions.put(id, version);
            HttpResponse<String> scheduled =
                    platform.call(coordinator(), meetings, "POST", "/api/v1/meetings", meeting(n));
            if (scheduled.statusCode() == 201) {
                meetingIds.add(field(scheduled, "id"));
            } else {
                refused++;
            }
        }
        platform.startBroker();

        int expectedOrganizationEvents =
                organizationVersions.values().stream().mapToInt(v -> v + 1).sum();
        List<ConsumerRecord<String, byte[]>> organizationRecords = readUntil(
                "organization-events",
                records -> ours(records, organizationVersions.keySet()).size() >= expectedOrganizationEvents);
        List<ConsumerRecord<String, byte[]>> meetingRecords = readUntil(
                "meeting-events",
                records -> ours(records, Set.copyOf(meetingIds)).size() >= meetingIds.size());

        List<ConsumerRecord<String, byte[]>> ourOrganizationRecords =
                ours(organizationRecords, organizationVersions.keySet());
        List<ConsumerRecord<String, byte[]>> ourMeetingRecords = ours(meetingRecords, Set.copyOf(meetingIds));
        int lost = Math.max(0, expectedOrganizationEvents - distinctIds(ourOrganizationRecords))
                + Math.max(0, meetingIds.size() - distinctIds(ourMeetingRecords));
        int duplicated = (ourOrganizationRecords.size() - distinctIds(ourOrganizationRecords))
                + (ourMeetingRecords.size() - distinctIds(ourMeetingRecords));
        int outOfOrder = outOfOrder(ourOrganizationRecords);
        System.out.printf(
                "Broker outage drill: broker down %d s; accepted %d organizations (%d events) and %d meetings, refused"
                        + " %d; lost %d, duplicated %d, out of order %d%n",
                OUTAGE.toSeconds(),
                organizationVersions.size(),
                expectedOrganizationEvents,
                meetingIds.size(),
                refused,
                lost,
                duplicated,
                outOfOrder);
        assertThat(organizationVersions).isNotEmpty();
        assertThat(meetingIds).isNotEmpty();
        assertThat(refused).as("writes refused while the broker was down").isZero();
        assertThat(lost).as("events lost").isZero();
        assertThat(duplicated).as("events published twice").isZero();
        assertThat(outOfOrder).as("events of an organization out of order").isZero();
    }

    @Test
    void events_consumed_while_the_consumers_store_is_down_are_all_applied_once_it_is_back() throws Exception {
        Map<String, String> lastNames = new LinkedHashMap<>();
        meetingStore.cut();
        long until = System.nanoTime() + OUTAGE.toNanos();
        int n = 0;
        while (System.nanoTime() < until) {
            n++;
            String id = created(platform.call(organizations, "POST", "/api/v1/people", person("Member " + n)));
            String renamed = "Member " + n + " Nowak-Ivanova";
            // people change their own profile
            HttpResponse<String> changed = platform.call(
                    TestIssuer.get().person(id).sign(), organizations, "PUT", "/api/v1/people/" + id, person(renamed));
            lastNames.put(id, changed.statusCode() == 200 ? renamed : "Member " + n);
        }
        meetingStore.restore();

        try (MongoClient client = platform.mongoClient()) {
            MongoCollection<Document> people = client.getDatabase("meeting").getCollection("directory_people");
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> people.countDocuments(
                                    new Document("_id", new Document("$in", List.copyOf(lastNames.keySet()))))
                            == lastNames.size());
            Map<String, String> names = new HashMap<>();
            people.find(new Document("_id", new Document("$in", List.copyOf(lastNames.keySet()))))
                    .forEach(d -> names.put(d.getString("_id"), d.getString("fullName")));
            long stale = lastNames.entrySet().stream()
                    .filter(e -> !e.getValue().equals(names.get(e.getKey())))
                    .count();
            double deadLettered = platform.metric(meetings, "concordia_inbox_dead_lettered_total");
            System.out.printf(
                    "Store outage drill: event-service's store cut %d s while %d people were registered and renamed;"
                            + " lost %d, applied out of order %d, dead-lettered %.0f%n",
                    OUTAGE.toSeconds(), lastNames.size(), lastNames.size() - names.size(), stale, deadLettered);
            assertThat(lastNames).isNotEmpty();
            assertThat(names).hasSameSizeAs(lastNames);
            assertThat(stale)
                    .as("people whose last change was not the one applied")
                    .isZero();
            assertThat(deadLettered).as("dead letters").isZero();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        try (TopicReader reader = new TopicReader(platform.bootstrapServers(), topic)) {
            return reader.readUntil(enough, Duration.ofMinutes(3));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> ours(
            List<ConsumerRecord<String, byte[]>> records, Set<String> keys) {
        return records.stream().filter(r -> keys.contains(r.key())).toList();
    }

    private static int distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        return (int) records.stream()
                .map(r -> TopicReader.header(r, "ce_id"))
                .distinct()
                .count();
    }

    /** Within each organization, the versions its events carry must rise in the order they were published. */
    private static int outOfOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey =
                records.stream().collect(Collectors.groupingBy(ConsumerRecord::key));
        int wrong = 0;
        for (List<ConsumerRecord<String, byte[]>> ofOne : byKey.values()) {
            long previous = -1;
            for (ConsumerRecord<String, byte[]> record : ofOne) {
                JsonNode event = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                long version = event.path("version").asLong(0);
                if (version <= previous) {
                    wrong++;
                }
                previous = version;
            }
        }
        return wrong;
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return field(response, "id");
    }

    private static String field(HttpResponse<String> response, String name) {
        return JSON.readTree(response.body()).path(name).asString();
    }

    private static String organization(String name) {
        return """
                {"name": "%s %s", "kind": "association_of_municipalities", "country": "pl", "city": "Lublin",
                 "languages": ["pl", "en"]}""".formatted(name, unique());
    }

    private static String person(String name) {
        return """
                {"fullName": "%s", "email": "%s@example.org", "preferredLanguage": "pl", "timeZone": "Europe/Warsaw"}""".formatted(name, unique());
    }

    private static String meeting(int n) {
        return """
                {"title": "Coordination call %d", "organizerId": "%s", "organizationId": "%s", "format": "online",
                 "onlineLink": "https://meet.jit.si/concordia-drill", "start": "2027-03-18T10:00:00+02:00",
                 "end": "2027-03-18T11:00:00+02:00", "timeZone": "Europe/Sofia",
                 "targets": [{"kind": "person", "personId": "%s"}]}""".formatted(n, coordinatorId, organizationId, coordinatorId);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
