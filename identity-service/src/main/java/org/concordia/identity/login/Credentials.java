package org.concordia.identity.login;

import java.util.Optional;

/** Password hashes by person id. */
public interface Credentials {

    Optional<String> passwordHash(String personId);

    void setPasswordHash(String personId, String hash);

    /** Sets the hash only if the person has none yet; true when it did. */
    boolean setPasswordHashIfAbsent(String personId, String hash);
}
