package org.concordia.identity.login.persistence;

import java.util.Optional;
import org.bson.Document;
import org.concordia.identity.login.Credentials;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** {@code credentials}: one document per person, {@code _id} = person id, holding the password hash only. */
@Repository
class MongoCredentials implements Credentials {

    static final String COLLECTION = "credentials";

    private final MongoTemplate mongo;

    MongoCredentials(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> passwordHash(String personId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", personId))
                .first();
        return Optional.ofNullable(found).map(d -> d.getString("passwordHash"));
    }

    @Override
    public void setPasswordHash(String personId, String hash) {
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", personId),
                        new Document("_id", personId).append("passwordHash", hash),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public boolean setPasswordHashIfAbsent(String personId, String hash) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", personId).append("passwordHash", hash));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
