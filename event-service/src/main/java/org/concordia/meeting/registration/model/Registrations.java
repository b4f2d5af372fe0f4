package org.concordia.meeting.registration.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

public interface Registrations {

    Optional<Registration> byId(String id);

    /** The stored ones among the given ids; one store operation. */
    List<Registration> byIds(Collection<String> ids);

    Registration add(Registration registration);

    Registration update(Registration registration);

    /** The first waitlisted of an occasion (a meeting or one occurrence, see {@link Occasion#key()}), by ticket. */
    List<Registration> waitlisted(String occasionKey, int limit);

    /** How many are waitlisted for the occasion ahead of this ticket. */
    long waitlistedBefore(String occasionKey, long ticket);

    /** The occasions of a meeting that have someone waitlisted; one store operation. */
    Set<String> waitlistedOccasions(String meetingId);

    /** A meeting's registrations, by occurrence then ticket; only one occurrence's when {@code occurrence} is given. */
    List<Registration> ofMeeting(
            String meetingId, @Nullable Integer occurrence, @Nullable RegistrationStatus status, int offset, int limit);

    long countOfMeeting(String meetingId, @Nullable Integer occurrence, @Nullable RegistrationStatus status);

    /** A person's registrations, declined ones included, at most {@code limit}. */
    List<Registration> ofPerson(String personId, int limit);
}
