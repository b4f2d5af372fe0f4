package org.concordia.meeting.registration.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

public interface Registrations {

    Optional<Registration> byId(String id);

    Registration add(Registration registration);

    Registration update(Registration registration);

    /** The first waitlisted of a meeting, by ticket. */
    List<Registration> waitlisted(String meetingId, int limit);

    /** How many are waitlisted ahead of this ticket. */
    long waitlistedBefore(String meetingId, long ticket);

    List<Registration> ofMeeting(String meetingId, @Nullable RegistrationStatus status, int offset, int limit);

    long countOfMeeting(String meetingId, @Nullable RegistrationStatus status);

    /** A person's registrations other than declined ones, newest first, at most {@code limit}. */
    List<Registration> ofPerson(String personId, int limit);
}
