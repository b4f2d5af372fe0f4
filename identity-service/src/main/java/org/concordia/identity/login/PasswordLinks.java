package org.concordia.identity.login;

import java.time.Instant;
import java.util.Optional;

/** One-time password links, stored under a hash of their token only. */
public interface PasswordLinks {

    record Link(String tokenHash, String personId, Instant expiresAt, boolean used) {}

    void store(Link link);

    Optional<Link> find(String tokenHash);

    /** Marks the link used if it was not; false when it had been used already (by this or another request). */
    boolean use(String tokenHash, Instant at);
}
