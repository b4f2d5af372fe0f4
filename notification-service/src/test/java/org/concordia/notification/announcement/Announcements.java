package org.concordia.notification.announcement;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bson.Document;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.StoredNotifications;
import org.concordia.notification.support.World.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Writing announcements through the API and looking at what they left, for the announcement tests. */
final class Announcements {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final Api api;
    private final MongoTemplate mongo;
    private final Function<Person, String> tokens;

    /** @param tokens each author's bearer token */
    Announcements(Api api, MongoTemplate mongo, Function<Person, String> tokens) {
        this.api = api;
        this.mongo = mongo;
        this.tokens = tokens;
    }

    static Map<String, Object> text(String language, String subject, String body) {
        return Map.of("language", language, "subject", subject, "body", body);
    }

    static Map<String, Object> target(String kind, String idField, String id, String... roles) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", kind);
        target.put(idField, id);
        target.put("roles", List.of(roles));
        return target;
    }

    static Map<String, Object> network(String organizationId, String... roles) {
        return target("organization_network", "organizationId", organizationId, roles);
    }

    static Map<String, Object> partners(String organizationId, String... roles) {
        return target("organization_partners", "organizationId", organizationId, roles);
    }

    static Map<String, Object> members(String organizationId, String... roles) {
        return target("organization_members", "organizationId", organizationId, roles);
    }

    static String body(
            Person author, List<?> texts, List<?> targets, @Nullable OffsetDateTime sendAt, String timeZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorPersonId", author.id());
        body.put("texts", texts);
        body.put("targets", targets);
        if (sendAt != null) {
            body.put("sendAt", sendAt.toString());
        }
        body.put("timeZone", timeZone);
        return JSON.writeValueAsString(body);
    }

    Api.Response write(String organizationId, Person author, List<?> texts, List<?> targets) {
        return api.as(tokens.apply(author))
                .post(
                        "/api/v1/organizations/" + organizationId + "/announcements",
                        body(author, texts, targets, null, "Europe/Sofia"));
    }

    /** The people the announcement's notifications with the purpose went to, once at least {@code expected}. */
    Set<String> awaitRecipients(String sourceId, String purpose, int expected) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> recipients(sourceId, purpose), found -> found.size() >= expected);
    }

    Set<String> recipients(String sourceId, String purpose) {
        Set<String> people = new HashSet<>();
        for (Document n : mongo.getCollection("notifications")
                .find(new Document(
                        "_id", Pattern.compile("^" + Pattern.quote(sourceId + ":") + "[^:]+:" + purpose + "$")))) {
            people.add(n.getString("personId"));
        }
        return people;
    }

    long notificationsOf(String personId, String sourceId) {
        return mongo.getCollection("notifications")
                .countDocuments(new Document("personId", personId).append("sourceId", sourceId));
    }

    Document notification(String sourceId, Person person, String purpose) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> StoredNotifications.find(mongo, sourceId + ":" + person.id() + ":" + purpose),
                        d -> d != null);
    }

    List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
