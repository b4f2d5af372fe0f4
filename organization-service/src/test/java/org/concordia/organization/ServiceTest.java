package org.concordia.organization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.EventCatalogue;
import org.concordia.testing.Outboxes;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.concordia.testing.security.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context every integration test shares: the whole service on a random port, against the real Kafka
 * broker and MongoDB wire server of {@code test-support}, with the demo directory loaded at startup. Keep the
 * annotations here, so that the context cache reuses it across test classes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "concordia.demo.load=true",
            "concordia.outbox.sweep-interval=200ms",
            "logging.level.org.apache.kafka=WARN",
            "logging.level.org.springframework.kafka=WARN"
        })
@WithInfrastructure
public abstract class ServiceTest {

    protected static final List<String> COLLECTIONS = List.of("organizations", "people", "memberships", "partnerships");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicReader topic;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    /** A response of any status, its JSON body read into maps and lists. */
    public record Response(int status, Object json, HttpHeaders headers) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return json instanceof Map ? (Map<String, Object>) json : Map.of();
        }

        public String id() {
            return (String) body().get("id");
        }

        public String etag() {
            return headers.getETag();
        }

        public Object get(String field) {
            return body().get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> content() {
            return (List<Map<String, Object>>) body().get("content");
        }

        @SuppressWarnings("unchecked")
        public List<String> errorFields() {
            Object errors = body().get("errors");
            if (!(errors instanceof List)) {
                return List.of();
            }
            List<String> fields = new ArrayList<>();
            for (Object error : (List<Object>) errors) {
                fields.add((String) ((Map<String, Object>) error).get("field"));
            }
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    /** Requests sent with the given bearer token ({@link TestIssuer}), or none. */
    public final class Api {

        private final String token;

        private Api(String token) {
            this.token = token;
        }

        /** The same requests sent with another token. */
        public Api as(String otherToken) {
            return new Api(otherToken);
        }

        public Response post(String path, String json, String... headers) {
            return exchange(HttpMethod.POST, path, json, headers);
        }

        public Response put(String path, String json, String... headers) {
            return exchange(HttpMethod.PUT, path, json, headers);
        }

        public Response patch(String path, String json, String... headers) {
            return exchange(HttpMethod.PATCH, path, json, headers);
        }

        public Response get(String path) {
            return exchange(HttpMethod.GET, path, null);
        }

        /** @param headers name, value, name, value … */
        public Response exchange(HttpMethod method, String path, String json, String... headers) {
            RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port)
                    .method(method)
                    .uri(path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            var entity = request.retrieve()
                    .onStatus(status -> true, (req, res) -> {})
                    .toEntity(String.class);
            String text = entity.getBody();
            Object parsed = text == null || text.isBlank() ? null : JSON.readValue(text, Object.class);
            return new Response(entity.getStatusCode().value(), parsed, entity.getHeaders());
        }
    }

    /** Requests acting as whoever the token names. */
    protected Api as(String token) {
        return new Api(token);
    }

    /** Requests without a token. */
    protected Api anonymous() {
        return new Api(null);
    }

    /** A read by any signed-in person: the directory is open to every valid token. */
    protected Response get(String path) {
        return as(reader()).get(path);
    }

    // --- tokens of the test issuer, for the callers the access rules know

    /** A person without any role: reads the directory, changes nothing but their own profile. */
    protected static String reader() {
        return TestIssuer.get().person("reader-" + unique()).sign();
    }

    /** An operator's tooling (client credentials): onboards top-level organizations and their first coordinator. */
    protected static String operator() {
        return TestIssuer.get().client("operations").operator().sign();
    }

    /** A person coordinating the given organizations (and so their chapters). */
    protected static String coordinatorOf(String... organizationIds) {
        TestIssuer.Token token = TestIssuer.get().person("coordinator-" + unique());
        for (String organizationId : organizationIds) {
            token.member(organizationId, "coordinator");
        }
        return token.sign();
    }

    /** The registered person themselves. */
    protected static String personToken(String personId) {
        return TestIssuer.get().person(personId).sign();
    }

    // --- fixtures, each unique so that test classes sharing the database do not see each other's data

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registered as an operator (top level) or a coordinator of the parent (chapter) would. */
    protected Response registerOrganization(String name, String country, String parentId) {
        String parent = parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"";
        Response response = as(parentId == null ? operator() : coordinatorOf(parentId))
                .post("/api/v1/organizations", """
                {"name": "%s", "kind": "ngo", "country": "%s", "city": "Lublin", "languages": ["pl", "en"]%s}""".formatted(name, country, parent));
        if (response.status() != 201) {
            throw new AssertionError("Could not register " + name + ": " + response);
        }
        return response;
    }

    /** Registered by a coordinator of some organization. */
    protected Response registerPerson(String fullName, String email) {
        Response response = as(coordinatorOf("any-" + unique())).post("/api/v1/people", """
                {"fullName": "%s", "email": "%s", "preferredLanguage": "bg", "timeZone": "Europe/Sofia"}""".formatted(fullName, email));
        if (response.status() != 201) {
            throw new AssertionError("Could not register " + fullName + ": " + response);
        }
        return response;
    }

    /** Added by a coordinator of the organization. */
    protected Response join(String organizationId, String personId, String roles) {
        Response response = as(coordinatorOf(organizationId))
                .post(
                        "/api/v1/organizations/" + organizationId + "/members",
                        "{\"personId\": \"%s\", \"roles\": %s}".formatted(personId, roles));
        if (response.status() != 201) {
            throw new AssertionError("Could not join " + personId + ": " + response);
        }
        return response;
    }

    /** Formed by a coordinator of the organization that records it. */
    protected Response formPartnership(String organizationId, String partnerId, String kind) {
        Response response = as(coordinatorOf(organizationId))
                .post("/api/v1/partnerships", """
                {"organizationId": "%s", "partnerOrganizationId": "%s", "kind": "%s", "since": "2024-01-01"}""".formatted(organizationId, partnerId, kind));
        if (response.status() != 201) {
            throw new AssertionError("Could not form a partnership: " + response);
        }
        return response;
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    protected Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        COLLECTIONS.forEach(collection -> counts.put(collection, count(collection)));
        return counts;
    }

    // --- the topic, read from the beginning by one reader for the whole test JVM

    /** The records on organization-events whose key is the aggregate id, waiting until there are at least {@code n}. */
    protected static List<ConsumerRecord<String, byte[]>> eventsOf(String aggregateId, int n) {
        return topic().readUntil(records -> keyed(records, aggregateId).size() >= n, Duration.ofSeconds(15)).stream()
                .filter(record -> aggregateId.equals(record.key()))
                .toList();
    }

    /**
     * Everything published: once no outbox holds an event any more, nothing more can come of what was written so far,
     * and the topic is read up to its end.
     */
    protected List<ConsumerRecord<String, byte[]>> allEventsPublished() {
        Outboxes.awaitDrained(mongo.getDb());
        return topic().readToEnd();
    }

    /** Every record published for the aggregate, in order, once nothing more can come (see {@link #allEventsPublished}). */
    protected List<ConsumerRecord<String, byte[]>> publishedFor(String aggregateId) {
        return keyed(allEventsPublished(), aggregateId);
    }

    private static List<ConsumerRecord<String, byte[]>> keyed(
            List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static synchronized TopicReader topic() {
        if (topic == null) {
            topic = TopicReader.of(EventCatalogue.ORGANIZATION_EVENTS);
        }
        return topic;
    }
}
