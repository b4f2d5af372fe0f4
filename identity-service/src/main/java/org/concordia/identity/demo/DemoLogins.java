package org.concordia.identity.demo;

import org.concordia.identity.IdentityProperties;
import org.concordia.identity.directory.PersonArrivals;
import org.concordia.identity.login.Credentials;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * With {@code concordia.demo.load=true} (what {@code ./run-local --demo} passes), every person learned from
 * {@code organization-events} gets a login with {@code concordia.identity.demo-password}, unless they set a password
 * of their own. Without the switch, this bean does not exist.
 */
@Component
@ConditionalOnBooleanProperty("concordia.demo.load")
class DemoLogins implements PersonArrivals {

    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final String password;
    private volatile @Nullable String hash;

    DemoLogins(Credentials credentials, PasswordEncoder encoder, IdentityProperties properties) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.password = properties.getDemoPassword();
    }

    @Override
    public void known(String personId) {
        if (credentials.passwordHash(personId).isEmpty()) {
            credentials.setPasswordHashIfAbsent(personId, hash());
        }
    }

    /** One hash for all demo people: hashing a password per person would only slow the demo's start. */
    private String hash() {
        String current = hash;
        if (current == null) {
            current = encoder.encode(password);
            hash = current;
        }
        return current;
    }
}
