package org.concordia.identity.directory;

/** What happens once a person is known (e.g. a demo login). Called on every delivery, so it must be idempotent. */
public interface PersonArrivals {

    void known(String personId);
}
