package org.concordia.identity.login.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.concordia.identity.login.PasswordLinks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code password_links}: {@code _id} = SHA-256 of the link's token, so a link is found by an {@code _id} lookup and
 * a copy of the database reveals no usable link. Using a link is one conditional update, so two requests with the
 * same link cannot both succeed.
 */
@Repository
class MongoPasswordLinks implements PasswordLinks {

    static final String COLLECTION = "password_links";

    private final MongoTemplate mongo;

    MongoPasswordLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void store(Link link) {
        mongo.getCollection(COLLECTION)
                .insertOne(new Document("_id", link.tokenHash())
                        .append("personId", link.personId())
                        .append("expiresAt", Date.from(link.expiresAt()))
                        .append("used", false));
    }

    @Override
    public Optional<Link> find(String tokenHash) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", tokenHash))
                .first();
        return Optional.ofNullable(found)
                .map(d -> new Link(
                        tokenHash,
                        d.getString("personId"),
                        d.getDate("expiresAt").toInstant(),
                        d.getBoolean("used", false)));
    }

    @Override
    public boolean use(String tokenHash, Instant at) {
        return mongo.getCollection(COLLECTION)
                        .updateOne(
                                new Document("_id", tokenHash).append("used", false),
                                new Document("$set", new Document("used", true).append("usedAt", Date.from(at))))
                        .getModifiedCount()
                == 1;
    }
}
