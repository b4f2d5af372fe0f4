package org.concordia.notification.recipient;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who a notice is for, as the rule table names it; {@link Recipients} expands it against the read model, in
 * batches, without holding the whole audience in memory.
 */
public sealed interface Audience {

    /** Named people, each with the reason they are told. */
    record People(List<Named> people) implements Audience {
        public People {
            people = List.copyOf(people);
        }
    }

    record Named(String personId, Reason reason) {}

    /**
     * The active members of an organization holding one of the roles (every member when roles is empty).
     *
     * @param project the project the organization takes part in, when that is why its members are told
     */
    record Members(
            String organizationId,
            List<String> roles,
            @Nullable String project) implements Audience {
        public Members {
            roles = List.copyOf(roles);
        }
    }

    /** The members of an organization and of its chapters and representations, at any depth. */
    record Network(String organizationId, List<String> roles) implements Audience {
        public Network {
            roles = List.copyOf(roles);
        }
    }

    /**
     * The members of every organization in an active partnership with this one (on either side of it), optionally
     * some roles only: an association's member municipalities, a network's partner organizations.
     */
    record Partners(String organizationId, List<String> roles) implements Audience {
        public Partners {
            roles = List.copyOf(roles);
        }
    }

    /** The members of a project's lead and of every partner that accepted. */
    record ProjectPartners(String projectId, List<String> roles) implements Audience {
        public ProjectPartners {
            roles = List.copyOf(roles);
        }
    }

    /** Everyone a meeting's targets name, as they are now, leaving out who declined. */
    record MeetingInvitees(String meetingId) implements Audience {}

    /**
     * Whoever holds a confirmed seat at a meeting.
     *
     * @param upcoming the meeting is still ahead (they registered), or it took place (they took part)
     */
    record MeetingParticipants(String meetingId, boolean upcoming) implements Audience {}

    /** Everyone in any of the parts; a person in several is told once, for the first reason found. */
    record AnyOf(List<Audience> parts) implements Audience {
        public AnyOf {
            parts = List.copyOf(parts);
        }
    }

    /**
     * Everyone in the audience but one person: the one the notice is about, who is told in their own words (a
     * coordinator who joins is welcomed, not told that they joined).
     */
    record Except(Audience audience, String personId) implements Audience {}

    /** Nobody: the rule table's answer for events that only feed the read model. */
    record Nobody() implements Audience {}

    static Audience coordinators(String organizationId) {
        return new Members(organizationId, List.of("coordinator"), null);
    }

    static Audience coordinators(String organizationId, String project) {
        return new Members(organizationId, List.of("coordinator"), project);
    }

    static Audience person(String personId, Reason reason) {
        return new People(List.of(new Named(personId, reason)));
    }
}
