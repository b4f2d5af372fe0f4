package org.concordia.project.access;

import java.util.Locale;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationRoles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The access rules of project-service. Every request needs a valid bearer token (the platform's filter chain answers
 * 401 without one); beyond that:
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>action</th><th>requests</th><th>who</th></tr>
 *   <tr><td>{@link Action#READ}</td><td>{@code GET} projects, their partners, milestones and timeline, an
 *       organization's projects</td><td>any caller with a valid token (a person or a client)</td></tr>
 *   <tr><td>{@link Action#PROPOSE}</td><td>{@code POST /projects}</td><td rowspan="4">coordinators of the lead
 *       organization, or of an organization above it</td></tr>
 *   <tr><td>{@link Action#CHANGE}</td><td>{@code PUT}/{@code PATCH /projects/{id}}, {@code activate},
 *       {@code complete}, {@code cancel}</td></tr>
 *   <tr><td>{@link Action#INVITE}</td><td>{@code POST …/partners}</td></tr>
 *   <tr><td>{@link Action#PLAN}</td><td>{@code POST …/milestones}, {@code …/reschedule}, {@code …/complete},
 *       {@code …/cancel}</td></tr>
 *   <tr><td>{@link Action#ANSWER}</td><td>{@code POST …/partners/{organizationId}/accept}, {@code decline},
 *       {@code withdraw}</td><td>coordinators of that invited (or partner) organization, or of an organization above
 *       it</td></tr>
 * </table>
 *
 * <p>Only people act: a token without a person (client credentials) changes nothing, whatever memberships it claims.
 * Operators run the platform but do not change projects; being an operator grants nothing here. Project-service
 * holds nothing private (no e-mail addresses or other personal data), so every read is open to every caller.
 *
 * <p>A rule that concerns a project is checked once the project was found, so an unknown project is a 404 for
 * every caller with a token; a refusal is an {@link AccessDeniedException}, answered 403 with no more detail.
 */
@Component
public class AccessRules {

    /** What a caller asks to do, each with the organization whose coordinators may do it. */
    public enum Action {
        READ(Who.ANY_CALLER),
        PROPOSE(Who.COORDINATORS_OF_THE_LEAD),
        CHANGE(Who.COORDINATORS_OF_THE_LEAD),
        INVITE(Who.COORDINATORS_OF_THE_LEAD),
        PLAN(Who.COORDINATORS_OF_THE_LEAD),
        ANSWER(Who.COORDINATORS_OF_THE_INVITED);

        private final Who who;

        Action(Who who) {
            this.who = who;
        }

        public Who who() {
            return who;
        }
    }

    /** The callers a rule lets through. */
    public enum Who {
        ANY_CALLER,
        /** People who coordinate the project's lead organization or one above it. */
        COORDINATORS_OF_THE_LEAD,
        /** People who coordinate the organization the answer is for, or one above it. */
        COORDINATORS_OF_THE_INVITED
    }

    private final OrganizationRoles roles;

    public AccessRules(OrganizationRoles roles) {
        this.roles = roles;
    }

    /**
     * Whether the caller may take the action.
     *
     * @param organizationId the organization the rule names: the lead for the lead's actions, the invited
     *     organization for its answers
     */
    public boolean allows(Caller caller, Action action, String organizationId) {
        return switch (action.who()) {
            case ANY_CALLER -> true;
            case COORDINATORS_OF_THE_LEAD, COORDINATORS_OF_THE_INVITED ->
                caller.personId() != null && roles.isCoordinatorOf(caller, organizationId);
        };
    }

    /** Refuses with an {@link AccessDeniedException} (403) unless {@link #allows} says yes. */
    public void require(Caller caller, Action action, String organizationId) {
        if (!allows(caller, action, organizationId)) {
            throw new AccessDeniedException("not allowed to " + action.name().toLowerCase(Locale.ROOT));
        }
    }
}
