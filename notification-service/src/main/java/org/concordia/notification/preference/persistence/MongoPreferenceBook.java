package org.concordia.notification.preference.persistence;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.bson.Document;
import org.concordia.notification.preference.PreferenceBook;
import org.concordia.notification.preference.model.Digest;
import org.concordia.notification.preference.model.Preferences;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** One document per person; saved with a version check ({@code _id} + {@code version}). */
@Repository
class MongoPreferenceBook implements PreferenceBook {

    private final MongoCollection<Document> preferences;

    MongoPreferenceBook(MongoTemplate mongo) {
        preferences = mongo.getCollection("preferences");
        // a compare-and-set on the version is an index look-up on both stores (the embedded store uses a unique
        // index whose keys are exactly the filter's)
        preferences.createIndex(
                com.mongodb.client.model.Indexes.ascending("_id", "version"),
                new com.mongodb.client.model.IndexOptions().unique(true).name("id_version"));
    }

    @Override
    public Preferences of(String personId) {
        Document d = preferences.find(Filters.eq("_id", personId)).first();
        return d == null ? Preferences.defaults(personId) : preferences(d);
    }

    @Override
    public Map<String, Preferences> of(Collection<String> personIds) {
        Map<String, Preferences> found = new HashMap<>();
        for (Document d : preferences.find(Filters.in("_id", new HashSet<>(personIds)))) {
            Preferences p = preferences(d);
            found.put(p.personId(), p);
        }
        return found;
    }

    @Override
    public Preferences save(Preferences p, long expectedVersion) {
        java.util.List<String> off = p.off().entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Document document = new Document("_id", p.personId())
                .append("off", off)
                .append("digest", p.digest().code())
                .append("digestHour", p.digestHour())
                .append("digestDay", p.digestDay().name())
                .append(
                        "quietFrom",
                        p.quietFrom() == null ? null : p.quietFrom().toString())
                .append(
                        "quietUntil",
                        p.quietUntil() == null ? null : p.quietUntil().toString())
                .append("version", expectedVersion + 1);
        try {
            if (expectedVersion == 0) {
                preferences.insertOne(document);
            } else {
                // {_id, version} exactly: the unique index on both keys answers it on the embedded store too
                long matched = preferences
                        .replaceOne(
                                new Document("_id", p.personId()).append("version", expectedVersion),
                                document,
                                new ReplaceOptions())
                        .getMatchedCount();
                if (matched == 0) {
                    throw new OptimisticLockingFailureException("The preferences changed meanwhile");
                }
            }
        } catch (MongoWriteException | DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("The preferences changed meanwhile", e);
        }
        return preferences(document);
    }

    private static Preferences preferences(Document d) {
        Map<String, Boolean> off = new HashMap<>();
        d.getList("off", String.class, java.util.List.of()).forEach(key -> off.put(key, true));
        String from = d.getString("quietFrom");
        String until = d.getString("quietUntil");
        return new Preferences(
                d.getString("_id"),
                off,
                Digest.valueOf(d.getString("digest").toUpperCase(java.util.Locale.ROOT)),
                d.getInteger("digestHour", 8),
                DayOfWeek.valueOf(d.getString("digestDay")),
                from == null ? null : LocalTime.parse(from),
                until == null ? null : LocalTime.parse(until),
                d.get("version", Number.class).longValue());
    }
}
