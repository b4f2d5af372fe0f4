package org.concordia.identity.signin;

import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * The browser's session during sign-in (the request it came with, the CSRF token, who signed in) in MongoDB, so that
 * the authorization code flow may continue on another instance than the one it began on. One document per session
 * ({@code http_sessions}, {@code _id} = session id) with the session in Java serialization behind an
 * {@code ObjectInputFilter}; an expired session counts as absent.
 */
class MongoSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "http_sessions";
    private static final Logger log = LoggerFactory.getLogger(MongoSessions.class);
    private static final ObjectInputFilter ONLY_FRAMEWORK_TYPES =
            ObjectInputFilter.Config.createFilter("maxdepth=40;java.**;org.springframework.**;!*");

    private final MongoTemplate mongo;
    private final Duration timeout;
    private final Clock clock;

    MongoSessions(MongoTemplate mongo, Duration timeout, Clock clock) {
        this.mongo = mongo;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession(UuidSessionIdGenerator.getInstance());
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // the id changes on signing in (session fixation protection)
            mongo.getCollection(COLLECTION).deleteOne(new Document("_id", session.getOriginalId()));
        }
        Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", session.getId()),
                        new Document("_id", session.getId())
                                .append("expiresAt", Date.from(expiresAt))
                                .append("value", new Binary(serialize(new MapSession(session)))),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public @Nullable MapSession findById(String id) {
        Document found =
                mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        if (found == null) {
            return null;
        }
        MapSession session = deserialize(found);
        if (session != null) {
            // not serialized with the session
            session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
        }
        if (session == null
                || session.getLastAccessedTime()
                        .plus(session.getMaxInactiveInterval())
                        .isBefore(clock.instant())) {
            deleteById(id);
            return null;
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", id));
    }

    private static byte[] serialize(MapSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store session", e);
        }
        return bytes.toByteArray();
    }

    private static @Nullable MapSession deserialize(Document document) {
        Binary value = document.get("value", Binary.class);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value.getData()))) {
            in.setObjectInputFilter(ONLY_FRAMEWORK_TYPES);
            return (MapSession) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("A stored session cannot be read and is ignored: {}", e.toString());
            return null;
        }
    }
}
