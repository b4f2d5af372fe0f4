package org.concordia.meeting.access;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownProject;
import org.concordia.meeting.meeting.Invitations;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationHierarchy;
import org.concordia.platform.security.OrganizationRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with meetings: every rule of event-service, in one place. Controllers take the {@link Caller} and
 * ask here before acting (after finding the meeting, so an unknown id is a 404); a refusal is an
 * {@link AccessDeniedException}, answered 403. "Coordinator of X" means of X or of an organization above X.
 *
 * <table>
 * <caption>The rules</caption>
 * <tr><th>action</th><th>who may</th></tr>
 * <tr><td>read a meeting's public details (title, times, place, organizer's name, agenda), list meetings</td>
 *     <td>any authenticated caller</td></tr>
 * <tr><td>schedule a meeting for an organization</td><td>a person coordinating that organization</td></tr>
 * <tr><td>check a draft meeting of an organization for conflicts</td><td>a person coordinating that organization
 *     (as scheduling)</td></tr>
 * <tr><td>reschedule, change details (agenda, capacity, seats, deadline, ...), cancel, mark held, move or cancel an
 *     occurrence, publish and correct minutes, close an action item</td>
 *     <td>a person coordinating the organizing organization</td></tr>
 * <tr><td>answer an invitation (accepted, declined, tentative)</td>
 *     <td>the person invited; a coordinator of the organization through which the person is invited (their
 *     delegation, within its seats)</td></tr>
 * <tr><td>read registrations, minutes, invitees and their e-mail addresses, the online link, carried-over action
 *     items, the meeting's local times, its iCalendar file with attendees</td>
 *     <td>participants: the organizer, invited people, members of the organizing organization and its
 *     coordinators, members of invited organizations (a network's chapters, a project's lead and accepted
 *     partners)</td></tr>
 * <tr><td>draft time-zone views and the slot finder</td><td>a person coordinating any organization</td></tr>
 * <tr><td>renew a calendar feed token</td><td>the person only</td></tr>
 * </table>
 *
 * <p>No rule names operators: they read what any authenticated caller reads and change nothing. A token of a client
 * acting for itself (no person) changes nothing either.
 */
@Component
public class AccessRules {

    /** Whom a rule lets through. */
    public enum Who {
        ANY_CALLER,
        COORDINATORS_OF_ORGANIZER,
        PARTICIPANTS,
        THE_PERSON_OR_DELEGATION_COORDINATORS,
        THE_PERSON,
        COORDINATORS_OF_ANY_ORGANIZATION
    }

    /** The actions on meetings, each with whom it is for: the table above, as code. */
    public enum Action {
        READ_PUBLIC_DETAILS(Who.ANY_CALLER),
        SCHEDULE(Who.COORDINATORS_OF_ORGANIZER),
        CHECK_DRAFT_CONFLICTS(Who.COORDINATORS_OF_ORGANIZER),
        RESCHEDULE(Who.COORDINATORS_OF_ORGANIZER),
        CHANGE_DETAILS(Who.COORDINATORS_OF_ORGANIZER),
        CANCEL(Who.COORDINATORS_OF_ORGANIZER),
        MARK_HELD(Who.COORDINATORS_OF_ORGANIZER),
        CHANGE_OCCURRENCE(Who.COORDINATORS_OF_ORGANIZER),
        PUBLISH_MINUTES(Who.COORDINATORS_OF_ORGANIZER),
        CLOSE_ACTION_ITEM(Who.COORDINATORS_OF_ORGANIZER),
        ANSWER_INVITATION(Who.THE_PERSON_OR_DELEGATION_COORDINATORS),
        READ_PARTICIPANTS_DETAILS(Who.PARTICIPANTS),
        READ_REGISTRATIONS(Who.PARTICIPANTS),
        READ_LOCAL_TIMES(Who.PARTICIPANTS),
        PLAN_DRAFT(Who.COORDINATORS_OF_ANY_ORGANIZATION),
        RENEW_FEED_TOKEN(Who.THE_PERSON);

        private final Who who;

        Action(Who who) {
            this.who = who;
        }

        public Who who() {
            return who;
        }
    }

    private final OrganizationRoles roles;
    private final OrganizationHierarchy hierarchy;
    private final Directory directory;
    private final Invitations invitations;

    AccessRules(
            ObjectProvider<OrganizationRoles> roles,
            OrganizationHierarchy hierarchy,
            Directory directory,
            Invitations invitations) {
        this.hierarchy = hierarchy;
        this.roles = roles.getIfAvailable(() -> new OrganizationRoles(hierarchy));
        this.directory = directory;
        this.invitations = invitations;
    }

    /**
     * Scheduling for an organization, or checking a draft of it for conflicts: a person coordinating it. An
     * organization the service does not know is left to scheduling to refuse (422 naming {@code organizationId}): the directory of organizations is no secret.
     */
    public void requireToSchedule(Caller caller, String organizationId) {
        requirePerson(caller);
        if (directory.organization(organizationId).isPresent()) {
            roles.requireCoordinatorOf(caller, organizationId);
        }
    }

    /** A rule about one meeting: {@link Who#COORDINATORS_OF_ORGANIZER} or {@link Who#PARTICIPANTS}. */
    public void require(Caller caller, Action action, Meeting meeting) {
        boolean allowed = switch (action.who()) {
            case ANY_CALLER -> true;
            case COORDINATORS_OF_ORGANIZER ->
                caller.personId() != null && roles.isCoordinatorOf(caller, organizingOrganization(meeting));
            case PARTICIPANTS -> isParticipant(caller, meeting);
            case THE_PERSON_OR_DELEGATION_COORDINATORS, THE_PERSON, COORDINATORS_OF_ANY_ORGANIZATION ->
                throw new IllegalArgumentException(action + " is not decided by the meeting alone");
        };
        if (!allowed) {
            throw new AccessDeniedException(action + ": " + action.who());
        }
    }

    /**
     * Answering for a person: the person, or a coordinator of the organization through which the person is invited
     * (the delegation whose seats the answer takes). A personal invitation is answered by the person alone.
     */
    public void requireToAnswer(Caller caller, Meeting meeting, String personId) {
        requirePerson(caller);
        if (caller.is(personId)) {
            return;
        }
        String delegation = invitations
                .of(meeting, personId)
                .map(Invitations.Invitation::organizationId)
                .orElse(null);
        if (delegation == null || !roles.isCoordinatorOf(caller, delegation)) {
            throw new AccessDeniedException(Action.ANSWER_INVITATION + ": " + Action.ANSWER_INVITATION.who());
        }
    }

    /** What only the person does for themselves: their feed token. */
    public void requireSelf(Caller caller, String personId) {
        if (!caller.is(personId)) {
            throw new AccessDeniedException(Action.RENEW_FEED_TOKEN + ": " + Action.RENEW_FEED_TOKEN.who());
        }
    }

    /** Draft views name the people behind targets in every zone: for people who plan meetings, coordinators. */
    public void requirePlanner(Caller caller) {
        requirePerson(caller);
        boolean coordinates = caller.memberships().values().stream().anyMatch(r -> r.contains(Caller.COORDINATOR));
        if (!coordinates) {
            throw new AccessDeniedException(Action.PLAN_DRAFT + ": " + Action.PLAN_DRAFT.who());
        }
    }

    /**
     * Whether the caller takes part: the organizer, a person invited by name, a member of the organizing
     * organization or a coordinator above it, or a member of an organization a target invites (any role: the
     * target's roles say who gets a seat, not who may read). Decided from the token's memberships, with a few
     * look-ups of parents and projects.
     */
    public boolean isParticipant(Caller caller, Meeting meeting) {
        String personId = caller.personId();
        if (personId == null) {
            return false;
        }
        if (caller.is(meeting.organizer().personId())) {
            return true;
        }
        String organizing = organizingOrganization(meeting);
        if (caller.isMemberOf(organizing) || roles.isCoordinatorOf(caller, organizing)) {
            return true;
        }
        Map<String, Optional<KnownProject>> projects = new HashMap<>();
        Map<String, Set<String>> chains = new HashMap<>();
        for (Target target : meeting.targets()) {
            if (target.kind() == TargetKind.PERSON) {
                if (personId.equals(target.personId())) {
                    return true;
                }
                continue;
            }
            for (String organizationId : caller.memberships().keySet()) {
                if (invites(target, meeting, organizationId, projects, chains)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean invites(
            Target target,
            Meeting meeting,
            String organizationId,
            Map<String, Optional<KnownProject>> projects,
            Map<String, Set<String>> chains) {
        return switch (target.kind()) {
            case PERSON -> false;
            case ORGANIZATION_MEMBERS -> organizationId.equals(target.organizationId());
            case ORGANIZATION_NETWORK ->
                chains.computeIfAbsent(organizationId, this::selfAndAbove).contains(target.organizationId());
            case PROJECT_PARTNERS -> {
                String projectId = target.projectId() != null ? target.projectId() : meeting.projectId();
                yield projectId != null
                        && projects.computeIfAbsent(projectId, directory::project)
                                .map(p -> p.takesPart(organizationId))
                                .orElse(false);
            }
        };
    }

    private Set<String> selfAndAbove(String organizationId) {
        Set<String> chain = new LinkedHashSet<>();
        @Nullable String current = organizationId;
        while (current != null && chain.size() < 16 && chain.add(current)) {
            current = hierarchy.parentOf(current).orElse(null);
        }
        return chain;
    }

    private static String organizingOrganization(Meeting meeting) {
        return meeting.organizer().organizationId();
    }

    /** Changes are made by people; a client acting for itself changes nothing here. */
    private static void requirePerson(Caller caller) {
        if (caller.personId() == null) {
            throw new AccessDeniedException("a person's token is needed");
        }
    }
}
