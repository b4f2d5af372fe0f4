package org.concordia.identity.token;

import com.mongodb.client.model.ReplaceOptions;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;

/** Consents in {@code authorization_consents}, {@code _id} = client id and person, holding the granted scopes. */
@Component
class MongoConsents implements OAuth2AuthorizationConsentService {

    static final String COLLECTION = "authorization_consents";

    private final MongoTemplate mongo;

    MongoConsents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        String id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
        List<String> authorities = consent.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", id),
                        new Document("_id", id)
                                .append("client", consent.getRegisteredClientId())
                                .append("principal", consent.getPrincipalName())
                                .append("authorities", authorities),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        mongo.getCollection(COLLECTION)
                .deleteOne(new Document("_id", id(consent.getRegisteredClientId(), consent.getPrincipalName())));
    }

    @Override
    public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", id(registeredClientId, principalName)))
                .first();
        if (found == null) {
            return null;
        }
        OAuth2AuthorizationConsent.Builder builder =
                OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
        found.getList("authorities", String.class)
                .forEach(authority -> builder.authority(new SimpleGrantedAuthority(authority)));
        return builder.build();
    }

    private static String id(String client, String principal) {
        return client + ":" + principal;
    }
}
