package org.concordia.testing;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * A snapshot of a service's MongoDB documents for {@link RepeatedDelivery}: chosen documents (by {@code _id}, so it
 * stays fast on the embedded store and unaffected by other tests' data) or whole collections, with fields that change
 * on their own (an outbox the relay empties, a lease) left out at any depth.
 */
public final class MongoState implements Supplier<Map<String, List<Document>>> {

    private final MongoDatabase database;
    private final Map<String, List<Object>> documents = new LinkedHashMap<>();
    private final Set<String> collections = new TreeSet<>();
    private final Set<String> ignoredFields = new TreeSet<>();

    private MongoState(MongoDatabase database) {
        this.database = database;
    }

    public static MongoState of(MongoDatabase database) {
        return new MongoState(database);
    }

    /** These documents of the collection, by {@code _id}. */
    public MongoState documents(String collection, Object... ids) {
        documents.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(List.of(ids));
        return this;
    }

    /** Every document of the collection. */
    public MongoState collection(String collection) {
        collections.add(collection);
        return this;
    }

    /** Fields left out wherever they occur, for values that change without the handler (e.g. {@code _outbox}). */
    public MongoState ignoringFields(String... names) {
        ignoredFields.addAll(List.of(names));
        return this;
    }

    @Override
    public Map<String, List<Document>> get() {
        Map<String, List<Document>> state = new TreeMap<>();
        documents.forEach((collection, ids) -> {
            List<Document> found = new ArrayList<>();
            for (Object id : ids) {
                Document document = database.getCollection(collection)
                        .find(new Document("_id", id))
                        .first();
                if (document != null) {
                    found.add(strip(document));
                }
            }
            state.put(collection, found);
        });
        for (String collection : collections) {
            List<Document> found = new ArrayList<>();
            database.getCollection(collection).find().forEach(document -> found.add(strip(document)));
            found.sort((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id"))));
            state.put(collection, found);
        }
        return state;
    }

    private Document strip(Document document) {
        Document stripped = new Document();
        document.forEach((name, value) -> {
            if (!ignoredFields.contains(name)) {
                stripped.put(name, strip(value));
            }
        });
        return stripped;
    }

    private Object strip(Object value) {
        if (value instanceof Document nested) {
            return strip(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::strip).toList();
        }
        return value;
    }
}
