package org.concordia.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.contracts.announcement.AnnouncementCorrected;
import org.concordia.contracts.announcement.AnnouncementPublished;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingHeld;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.MinutesCorrected;
import org.concordia.contracts.meeting.MinutesPublished;
import org.concordia.contracts.meeting.RegistrationConfirmed;
import org.concordia.contracts.meeting.RegistrationDeclined;
import org.concordia.contracts.meeting.RegistrationTentative;
import org.concordia.contracts.meeting.RegistrationWaitlisted;
import org.concordia.contracts.meeting.WaitlistPromoted;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;

/**
 * Every event type Concordia publishes: its CloudEvents type, record, topic, source and aggregate.
 *
 * <p>The type strings are written out rather than derived from class names, so that renaming a
 * record cannot silently change what consumers receive.
 */
public final class EventCatalogue {

    public static final String ORGANIZATION_EVENTS = "organization-events",
            PROJECT_EVENTS = "project-events",
            MEETING_EVENTS = "meeting-events",
            ANNOUNCEMENT_EVENTS = "announcement-events";

    private static final List<EventType> ALL = List.of(
            event(
                    "concordia.organization.registered.v1",
                    OrganizationRegistered.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "organization"),
            event(
                    "concordia.organization.updated.v1",
                    OrganizationUpdated.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "organization"),
            event(
                    "concordia.organization.archived.v1",
                    OrganizationArchived.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "organization"),
            event(
                    "concordia.person.registered.v1",
                    PersonRegistered.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "person"),
            event(
                    "concordia.person.updated.v1",
                    PersonUpdated.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "person"),
            event(
                    "concordia.membership.joined.v1",
                    MemberJoined.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "membership"),
            event(
                    "concordia.membership.roles-changed.v1",
                    MemberRolesChanged.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "membership"),
            event(
                    "concordia.membership.left.v1",
                    MemberLeft.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "membership"),
            event(
                    "concordia.partnership.formed.v1",
                    PartnershipFormed.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "partnership"),
            event(
                    "concordia.partnership.ended.v1",
                    PartnershipEnded.class,
                    ORGANIZATION_EVENTS,
                    "/organization-service",
                    "partnership"),
            event(
                    "concordia.project.proposed.v1",
                    ProjectProposed.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.activated.v1",
                    ProjectActivated.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.details-changed.v1",
                    ProjectDetailsChanged.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.partner-invited.v1",
                    PartnerInvited.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.partner-joined.v1",
                    PartnerJoined.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.partner-declined.v1",
                    PartnerDeclined.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.partner-withdrawn.v1",
                    PartnerWithdrawn.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.milestone-planned.v1",
                    MilestonePlanned.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.milestone-rescheduled.v1",
                    MilestoneRescheduled.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.milestone-completed.v1",
                    MilestoneCompleted.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.milestone-cancelled.v1",
                    MilestoneCancelled.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.completed.v1",
                    ProjectCompleted.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.project.cancelled.v1",
                    ProjectCancelled.class,
                    PROJECT_EVENTS,
                    "/project-service",
                    "project"),
            event(
                    "concordia.meeting.scheduled.v1",
                    MeetingScheduled.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.rescheduled.v1",
                    MeetingRescheduled.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.details-changed.v1",
                    MeetingDetailsChanged.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.cancelled.v1",
                    MeetingCancelled.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.registration-confirmed.v1",
                    RegistrationConfirmed.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.registration-declined.v1",
                    RegistrationDeclined.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.registration-waitlisted.v1",
                    RegistrationWaitlisted.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.waitlist-promoted.v1",
                    WaitlistPromoted.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.minutes-published.v1",
                    MinutesPublished.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.occurrence-rescheduled.v1",
                    MeetingOccurrenceRescheduled.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.occurrence-cancelled.v1",
                    MeetingOccurrenceCancelled.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event("concordia.meeting.held.v1", MeetingHeld.class, MEETING_EVENTS, "/event-service", "meeting"),
            event(
                    "concordia.meeting.registration-tentative.v1",
                    RegistrationTentative.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.meeting.minutes-corrected.v1",
                    MinutesCorrected.class,
                    MEETING_EVENTS,
                    "/event-service",
                    "meeting"),
            event(
                    "concordia.announcement.published.v1",
                    AnnouncementPublished.class,
                    ANNOUNCEMENT_EVENTS,
                    "/notification-service",
                    "announcement"),
            event(
                    "concordia.announcement.corrected.v1",
                    AnnouncementCorrected.class,
                    ANNOUNCEMENT_EVENTS,
                    "/notification-service",
                    "announcement"));

    private static final Map<Class<? extends DomainEvent>, EventType> BY_JAVA_TYPE = index(EventType::javaType);
    private static final Map<String, EventType> BY_TYPE = index(EventType::type);

    private EventCatalogue() {}

    /** All event types, grouped by topic, in a stable order. */
    public static List<EventType> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException when the record is not catalogued */
    public static EventType of(Class<? extends DomainEvent> javaType) {
        EventType type = BY_JAVA_TYPE.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return type;
    }

    /** Empty for a type this version of the contracts does not know, which a consumer skips. */
    public static Optional<EventType> byType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    private static EventType event(
            String type, Class<? extends DomainEvent> javaType, String topic, String source, String aggregate) {
        return new EventType(type, javaType, topic, source, aggregate);
    }

    private static <K> Map<K, EventType> index(Function<EventType, K> key) {
        return ALL.stream()
                .collect(Collectors.toMap(
                        key,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("Catalogued twice: " + key.apply(a));
                        },
                        LinkedHashMap::new));
    }
}
