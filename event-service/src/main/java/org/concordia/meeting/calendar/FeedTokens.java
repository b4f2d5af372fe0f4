package org.concordia.meeting.calendar;

import java.util.Optional;

/** Which person a calendar feed token belongs to; a person has one token at a time. */
public interface FeedTokens {

    /** Stores a new token for the person, replacing (and so invalidating) the previous one. */
    void replace(String personId, String token);

    Optional<String> personOf(String token);
}
