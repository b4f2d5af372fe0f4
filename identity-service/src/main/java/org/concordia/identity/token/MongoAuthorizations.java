package org.concordia.identity.token;

import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Binary;
import org.concordia.identity.IdentityProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Authorizations in MongoDB. Each is one document ({@code authorizations}, {@code _id} = its id) holding the
 * authorization in Java serialization, the form Spring Security keeps compatible within a version. Every token value
 * (state, code, access, refresh, ID token) gets a document in {@code authorization_tokens} whose {@code _id} is the
 * SHA-256 of the value, so looking an authorization up by a token is two {@code _id} lookups on any store, and the
 * database holds no usable token as a key. An index entry left behind by a replaced token is harmless: the lookup
 * checks that the authorization still holds that value.
 */
@Component
class MongoAuthorizations implements OAuth2AuthorizationService {

    static final String AUTHORIZATIONS = "authorizations";
    static final String TOKENS = "authorization_tokens";
    private static final Logger log = LoggerFactory.getLogger(MongoAuthorizations.class);
    private static final ObjectInputFilter ONLY_FRAMEWORK_TYPES =
            ObjectInputFilter.Config.createFilter("maxdepth=40;java.**;org.springframework.**;!*");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdentityProperties properties;

    MongoAuthorizations(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Date expiresAt = Date.from(expiry(authorization));
        mongo.getCollection(AUTHORIZATIONS)
                .replaceOne(
                        new Document("_id", authorization.getId()),
                        new Document("_id", authorization.getId())
                                .append("client", authorization.getRegisteredClientId())
                                .append("principal", authorization.getPrincipalName())
                                .append("expiresAt", expiresAt)
                                .append("value", new Binary(serialize(authorization))),
                        new ReplaceOptions().upsert(true));
        for (TokenValue token : values(authorization)) {
            mongo.getCollection(TOKENS)
                    .replaceOne(
                            new Document("_id", hash(token.value())),
                            new Document("_id", hash(token.value()))
                                    .append("authorization", authorization.getId())
                                    .append("type", token.type())
                                    .append("expiresAt", expiresAt),
                            new ReplaceOptions().upsert(true));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        for (TokenValue token : values(authorization)) {
            mongo.getCollection(TOKENS).deleteOne(new Document("_id", hash(token.value())));
        }
        mongo.getCollection(AUTHORIZATIONS).deleteOne(new Document("_id", authorization.getId()));
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        Document found = mongo.getCollection(AUTHORIZATIONS)
                .find(new Document("_id", id))
                .first();
        return found == null ? null : deserialize(found);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        Document entry = mongo.getCollection(TOKENS)
                .find(new Document("_id", hash(token)))
                .first();
        if (entry == null) {
            return null;
        }
        OAuth2Authorization authorization = findById(entry.getString("authorization"));
        if (authorization == null) {
            return null;
        }
        boolean holds = values(authorization).stream()
                .anyMatch(value -> value.value().equals(token)
                        && (tokenType == null || tokenType.getValue().equals(value.type())));
        return holds ? authorization : null;
    }

    private record TokenValue(String type, String value) {}

    private static List<TokenValue> values(OAuth2Authorization authorization) {
        List<TokenValue> values = new ArrayList<>();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            values.add(new TokenValue(OAuth2ParameterNames.STATE, state));
        }
        add(values, OAuth2ParameterNames.CODE, authorization.getToken(OAuth2AuthorizationCode.class));
        add(values, OAuth2TokenType.ACCESS_TOKEN.getValue(), authorization.getToken(OAuth2AccessToken.class));
        add(values, OAuth2TokenType.REFRESH_TOKEN.getValue(), authorization.getToken(OAuth2RefreshToken.class));
        add(values, "id_token", authorization.getToken(OidcIdToken.class));
        return values;
    }

    private static void add(
            List<TokenValue> values, String type, OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
        if (token != null) {
            values.add(new TokenValue(type, token.getToken().getTokenValue()));
        }
    }

    /** When the last of its tokens expires; what a TTL index on real MongoDB removes it after. */
    private Instant expiry(OAuth2Authorization authorization) {
        Instant latest = clock.instant().plus(properties.getAccessTokenTtl());
        for (Class<? extends OAuth2Token> type : List.of(
                OAuth2AuthorizationCode.class, OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null && token.getToken().getExpiresAt() != null) {
                Instant expires = Objects.requireNonNull(token.getToken().getExpiresAt());
                if (expires.isAfter(latest)) {
                    latest = expires;
                }
            }
        }
        return latest;
    }

    private static byte[] serialize(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store authorization " + authorization.getId(), e);
        }
        return bytes.toByteArray();
    }

    /** An authorization written by another Spring Security version cannot be read: its holder signs in again. */
    private static @Nullable OAuth2Authorization deserialize(Document document) {
        Binary value = document.get("value", Binary.class);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value.getData()))) {
            in.setObjectInputFilter(ONLY_FRAMEWORK_TYPES);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("Authorization {} cannot be read and is ignored: {}", document.get("_id"), e.toString());
            return null;
        }
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
