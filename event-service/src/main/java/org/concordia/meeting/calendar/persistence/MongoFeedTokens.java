package org.concordia.meeting.calendar.persistence;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.concordia.meeting.calendar.FeedTokens;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tokens are kept as SHA-256 hashes: a document keyed by the hash names the person, and the person's document names
 * their current hash, so a token is valid only while it is the person's current one. Both look-ups are by {@code _id}.
 */
@Repository
class MongoFeedTokens implements FeedTokens {

    static final String COLLECTION = "calendar_tokens";

    private final MongoTemplate mongo;

    MongoFeedTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> tokens() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public void replace(String personId, String token) {
        String hash = hash(token);
        tokens().insertOne(new Document("_id", "token:" + hash).append("personId", personId));
        Document previous = tokens().findOneAndReplace(
                        eq("_id", "person:" + personId),
                        new Document("_id", "person:" + personId).append("current", hash),
                        new com.mongodb.client.model.FindOneAndReplaceOptions().upsert(true));
        if (previous != null && previous.getString("current") != null) {
            tokens().deleteOne(eq("_id", "token:" + previous.getString("current")));
        }
    }

    @Override
    public Optional<String> personOf(String token) {
        String hash = hash(token);
        Document found = tokens().find(eq("_id", "token:" + hash)).first();
        if (found == null) {
            return Optional.empty();
        }
        String personId = found.getString("personId");
        Document person = tokens().find(eq("_id", "person:" + personId)).first();
        return person != null && hash.equals(person.getString("current")) ? Optional.of(personId) : Optional.empty();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
