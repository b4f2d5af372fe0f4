package org.concordia.identity.key;

import com.mongodb.MongoWriteException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.identity.IdentityProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The key ring: one document ({@code signing_keys}, {@code _id} = {@value #RING}) naming the current key and the
 * previous ones, and one document per key ({@code _id} = key id) with the key itself. The first instance to start
 * makes the first key; a rotation makes a new key current and keeps {@code keep-previous} older ones for
 * verification. Each instance reads the ring again every {@code refresh}, and at once when asked for a key id it does
 * not know, so a rotation made by one instance reaches the others.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    static final String COLLECTION = "signing_keys";
    static final String RING = "ring";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdentityProperties.Keys settings;
    private volatile @Nullable Ring ring;

    /** The keys as last read: the current one with its private part, the previous ones public only. */
    record Ring(String current, List<JWK> keys, long version, Instant readAt) {}

    /** What a rotation did. */
    public record Rotation(String currentKeyId, List<String> verificationKeyIds) {}

    SigningKeys(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = properties.getKeys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
        List<JWK> selected = selector.select(new JWKSet(ring().keys()));
        if (selected.isEmpty() && selector.getMatcher().getKeyIDs() != null) {
            // perhaps rotated by another instance since the ring was read
            selected = selector.select(new JWKSet(reload().keys()));
        }
        return selected;
    }

    public String currentKeyId() {
        return ring().current();
    }

    /** A new current key; the previous current one and up to {@code keep-previous - 1} older ones still verify. */
    public Rotation rotate() {
        RSAKey key = generate();
        mongo.getCollection(COLLECTION).insertOne(keyDocument(key));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.getCollection(COLLECTION)
                    .find(new Document("_id", RING))
                    .first();
            if (stored == null) {
                reload();
                continue;
            }
            List<String> previous = new ArrayList<>();
            previous.add(stored.getString("current"));
            previous.addAll(stored.getList("previous", String.class));
            List<String> kept = previous.subList(0, Math.min(settings.getKeepPrevious(), previous.size()));
            long version = stored.getLong("version");
            long changed = mongo.getCollection(COLLECTION)
                    .updateOne(
                            new Document("_id", RING).append("version", version),
                            new Document(
                                    "$set",
                                    new Document("current", key.getKeyID())
                                            .append("previous", List.copyOf(kept))
                                            .append("version", version + 1)
                                            .append("rotatedAt", Date.from(clock.instant()))))
                    .getModifiedCount();
            if (changed == 1) {
                Ring now = reload();
                log.info("Signing key rotated: {} signs, {} still verify", key.getKeyID(), kept);
                return new Rotation(
                        now.current(), now.keys().stream().map(JWK::getKeyID).toList());
            }
        }
        throw new IllegalStateException("the key ring kept changing during the rotation; try again");
    }

    private Ring ring() {
        Ring current = ring;
        if (current == null || current.readAt().plus(settings.getRefresh()).isBefore(clock.instant())) {
            return reload();
        }
        return current;
    }

    private synchronized Ring reload() {
        Document stored =
                mongo.getCollection(COLLECTION).find(new Document("_id", RING)).first();
        if (stored == null) {
            stored = firstRing();
        }
        String current = stored.getString("current");
        List<JWK> keys = new ArrayList<>();
        keys.add(load(current, true));
        for (String previous : stored.getList("previous", String.class)) {
            keys.add(load(previous, false));
        }
        Ring read = new Ring(current, List.copyOf(keys), stored.getLong("version"), clock.instant());
        ring = read;
        return read;
    }

    /** The first key of a new database; when two instances start together, one ring wins and both use it. */
    private Document firstRing() {
        RSAKey key = generate();
        mongo.getCollection(COLLECTION).insertOne(keyDocument(key));
        Document first = new Document("_id", RING)
                .append("current", key.getKeyID())
                .append("previous", List.of())
                .append("version", 0L)
                .append("rotatedAt", Date.from(clock.instant()));
        try {
            mongo.getCollection(COLLECTION).insertOne(first);
            log.info("First signing key {} made", key.getKeyID());
            return first;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
            mongo.getCollection(COLLECTION).deleteOne(new Document("_id", key.getKeyID()));
            return mongo.getCollection(COLLECTION)
                    .find(new Document("_id", RING))
                    .first();
        }
    }

    private JWK load(String keyId, boolean withPrivatePart) {
        Document stored =
                mongo.getCollection(COLLECTION).find(new Document("_id", keyId)).first();
        if (stored == null) {
            throw new IllegalStateException("signing key " + keyId + " is named in the ring but missing");
        }
        try {
            RSAKey key = RSAKey.parse(stored.getString("jwk"));
            return withPrivatePart ? key : key.toPublicJWK();
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + keyId + " cannot be read", e);
        }
    }

    private Document keyDocument(RSAKey key) {
        return new Document("_id", key.getKeyID())
                .append("jwk", key.toJSONString())
                .append("createdAt", Date.from(clock.instant()));
    }

    private RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }
}
