package org.concordia.meeting.registration.persistence;

import java.time.Instant;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One person's answer to one meeting, keyed {@code <meetingId>:<personId>}. */
@Document(RegistrationDocument.COLLECTION)
public class RegistrationDocument {

    static final String COLLECTION = "registrations";

    @Id
    String id;

    @Version
    Long version;

    String meetingId;
    String personId;
    /** The occurrence's number in its series; absent for a single meeting. */
    Integer occurrence;
    /** The seats and waitlist it counts in: the meeting id, or {@code <meetingId>#<occurrence>}. */
    String occasion;

    String organizationId;
    String status;
    long ticket;
    Instant answeredAt;

    public RegistrationDocument() {}

    static RegistrationDocument of(Registration r) {
        RegistrationDocument d = new RegistrationDocument();
        d.id = r.id();
        d.version = r.version();
        d.meetingId = r.meetingId();
        d.personId = r.personId();
        d.occurrence = r.occurrence();
        d.occasion = r.occasionKey();
        d.organizationId = r.organizationId();
        d.status = r.status().name();
        d.ticket = r.ticket();
        d.answeredAt = r.answeredAt();
        return d;
    }

    Registration toModel() {
        return Registration.restore(
                id,
                version,
                meetingId,
                personId,
                occurrence,
                organizationId,
                RegistrationStatus.valueOf(status),
                ticket,
                answeredAt);
    }
}
