package org.concordia.notification.access;

import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in notification-service, in one table. Every API call but health, the OpenAPI documents and the
 * one-click unsubscribe link (which carries its own signed token) needs a bearer token; the starter answers 401
 * without one. Each controller names its {@link Action} and the person or organization it concerns; a refusal is
 * an {@link AccessDeniedException}, answered 403 with nothing more said.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>action</th><th>endpoints</th><th>who</th></tr>
 *   <tr><td>READ_INBOX</td><td>GET people/{p}/notifications, …/unread-count, …/stream</td><td>person p</td></tr>
 *   <tr><td>MARK_READ</td><td>POST people/{p}/notifications/{n}/read, …/notifications/read</td><td>person p</td></tr>
 *   <tr><td>READ_PREFERENCES</td><td>GET people/{p}/preferences</td><td>person p</td></tr>
 *   <tr><td>CHOOSE_PREFERENCES</td><td>PUT people/{p}/preferences</td><td>person p</td></tr>
 *   <tr><td>MANAGE_WEBHOOK</td><td>PUT, GET, DELETE organizations/{o}/webhook, POST …/webhook/secret</td>
 *       <td>coordinators of o or above</td></tr>
 *   <tr><td>WRITE_ANNOUNCEMENT</td><td>POST organizations/{o}/announcements, …/announcements/preview</td>
 *       <td>coordinators of o or above</td></tr>
 *   <tr><td>CHANGE_ANNOUNCEMENT</td><td>GET organizations/{o}/announcements, GET, PUT announcements/{a},
 *       GET …/preview, POST …/cancel, …/corrections</td><td>coordinators of a's organization or above</td></tr>
 *   <tr><td>READ_REPORT</td><td>GET announcements/{a}/report</td><td>coordinators of a's organization or above</td></tr>
 *   <tr><td>OPERATE_DELIVERIES</td><td>GET deliveries/failures, deliveries/{d}, POST deliveries/{d}/retry</td>
 *       <td>operators</td></tr>
 * </table>
 *
 * <p>Operators hold no person's rights: they never read an inbox or preferences. A token without a person (client
 * credentials) is refused every action but the operators'. Where an author is named in a request, it must be the
 * caller. {@code /actuator} beyond health (dead letters, replay) is for operators, by the starter's chain.
 */
@Component
public class AccessRules {

    /** Whom an action concerns, and so who may do it. */
    public enum Who {
        /** The person the path names, and nobody else. */
        THE_PERSON,
        /** Coordinators of the organization concerned, or of an organization above it. */
        COORDINATORS,
        /** Holders of the platform role operator. */
        OPERATORS
    }

    /** What a caller does; each is allowed to one kind of caller. */
    public enum Action {
        READ_INBOX(Who.THE_PERSON),
        MARK_READ(Who.THE_PERSON),
        READ_PREFERENCES(Who.THE_PERSON),
        CHOOSE_PREFERENCES(Who.THE_PERSON),
        MANAGE_WEBHOOK(Who.COORDINATORS),
        WRITE_ANNOUNCEMENT(Who.COORDINATORS),
        CHANGE_ANNOUNCEMENT(Who.COORDINATORS),
        READ_REPORT(Who.COORDINATORS),
        OPERATE_DELIVERIES(Who.OPERATORS);

        private final Who who;

        Action(Who who) {
            this.who = who;
        }

        public Who who() {
            return who;
        }
    }

    private final OrganizationRoles roles;

    AccessRules(OrganizationRoles roles) {
        this.roles = roles;
    }

    /**
     * @param concerns the person id (for {@link Who#THE_PERSON}) or organization id ({@link Who#COORDINATORS}) the
     *     action concerns; ignored for operators' actions
     * @throws AccessDeniedException when the caller may not
     */
    public void require(Caller caller, Action action, String concerns) {
        if (!allows(caller, action, concerns)) {
            throw new AccessDeniedException(action.name());
        }
    }

    public boolean allows(Caller caller, Action action, String concerns) {
        return switch (action.who()) {
            case THE_PERSON -> caller.is(concerns);
            case COORDINATORS -> caller.personId() != null && roles.isCoordinatorOf(caller, concerns);
            case OPERATORS -> caller.isOperator();
        };
    }

    /**
     * The author of an announcement change: the calling person. A request may still name its author (as before
     * tokens existed), but only as the caller.
     */
    public String author(Caller caller, @Nullable String named) {
        String personId = caller.personId();
        if (personId == null || (named != null && !named.equals(personId))) {
            throw new AccessDeniedException("authors act for themselves");
        }
        return personId;
    }
}
