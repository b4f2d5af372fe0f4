package org.concordia.testing;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The outboxes of a service's database, read directly: the platform keeps the events a write caused in the written
 * document's {@value #FIELD} array and removes each only once Kafka acknowledged it. An empty outbox everywhere
 * therefore proves that everything written so far is on the topic and that nothing more can still come of it, which
 * is how a test asserts that something was <em>not</em> published, without guessing a quiet period.
 *
 * <pre>{@code
 * Outboxes.awaitDrained(mongo.getDb());
 * assertThat(topic.readToEnd()).hasSize(before);
 * }</pre>
 */
public final class Outboxes {

    /** The array field of an aggregate document that holds its unpublished events. */
    public static final String FIELD = "_outbox";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Outboxes() {}

    /**
     * Waits until no document in the database has an unpublished event (at most 30 s, so generous under load), and
     * fails naming the collections still pending otherwise.
     */
    public static void awaitDrained(MongoDatabase database) {
        await("outboxes of " + database.getName() + " drained")
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> pending(database), Map::isEmpty);
    }

    /** The collections with unpublished events, each with the number of documents holding some. */
    public static Map<String, Long> pending(MongoDatabase database) {
        Map<String, Long> pending = new LinkedHashMap<>();
        for (String collection : database.listCollectionNames()) {
            long documents = database.getCollection(collection)
                    .countDocuments(new Document(FIELD + ".0", new Document("$exists", true)));
            if (documents > 0) {
                pending.put(collection, documents);
            }
        }
        return pending;
    }
}
