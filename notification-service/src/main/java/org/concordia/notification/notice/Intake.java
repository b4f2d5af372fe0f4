package org.concordia.notification.notice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.meeting.Invitee;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
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
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.notification.notice.model.Notice;
import org.concordia.notification.notice.model.RuleTable;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.MeetingDirectory;
import org.concordia.notification.recipient.PeopleDirectory;
import org.concordia.notification.recipient.ReadModelWrites;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.EventMetadata;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three consumers: each event first updates the recipients' read model, then the rule table's notices are
 * fanned out. Both steps are idempotent, as a crash between the handler and the processed mark repeats them. Within
 * one poll's batch, notices to named people are fanned out together at the batch's end (before the events are
 * marked), and the read model's writes wait for its next read ({@link ReadModelWrites}), so a steady stream of small
 * events costs a few bulk writes per poll rather than per event; a notice whose audience comes from the read model
 * (members, invitees, participants) is fanned out in its turn, after the waiting ones.
 */
@Configuration(proxyBeanMethods = false)
class Intake {

    private final PeopleDirectory people;
    private final MeetingDirectory meetings;
    private final ReadModelWrites learnt;
    private final FanningOut fanningOut;
    private final java.util.List<MeetingChanges> reactions;
    /** The notices to named people that the handlers of the current batch left for its end, per consumer thread. */
    private final ThreadLocal<List<Notice>> deferred = new ThreadLocal<>();

    Intake(
            PeopleDirectory people,
            MeetingDirectory meetings,
            ReadModelWrites learnt,
            FanningOut fanningOut,
            java.util.List<MeetingChanges> reactions) {
        this.people = people;
        this.meetings = meetings;
        this.learnt = learnt;
        this.fanningOut = fanningOut;
        this.reactions = reactions;
    }

    @Bean
    IdempotentConsumer notifyAboutOrganizations(IdempotentConsumers consumers) {
        Learning handlers = new Learning()
                .on(OrganizationRegistered.class, (people::on))
                .on(OrganizationUpdated.class, (people::on))
                .on(OrganizationArchived.class, (people::on))
                .on(PersonRegistered.class, (people::on))
                .on(PersonUpdated.class, (people::on))
                .on(MemberJoined.class, (people::on))
                .on(MemberRolesChanged.class, (people::on))
                .on(MemberLeft.class, (people::on))
                .on(PartnershipFormed.class, (people::on))
                .on(PartnershipEnded.class, (people::on));
        return consumers.consumer(
                "notifyAboutOrganizations", handlers.andTheRestOf(EventCatalogue.ORGANIZATION_EVENTS));
    }

    @Bean
    IdempotentConsumer notifyAboutProjects(IdempotentConsumers consumers) {
        Learning handlers = new Learning()
                .on(
                        ProjectProposed.class,
                        (e -> meetings.project(e.projectId(), e.title(), e.leadOrganizationId(), e.occurredAt())))
                .on(
                        ProjectDetailsChanged.class,
                        (e -> meetings.project(e.projectId(), e.title(), e.leadOrganizationId(), e.occurredAt())))
                .on(ProjectActivated.class, (e -> {
                    meetings.project(e.projectId(), e.title(), e.leadOrganizationId(), e.occurredAt());
                    e.partners().forEach(p -> meetings.partner(e.projectId(), p, e.occurredAt()));
                }))
                .on(
                        PartnerInvited.class,
                        (e -> partner(
                                e.projectId(),
                                e.organizationId(),
                                e.organizationName(),
                                e.country(),
                                e.role(),
                                "invited",
                                e.occurredAt())))
                .on(
                        PartnerJoined.class,
                        (e -> partner(
                                e.projectId(),
                                e.organizationId(),
                                e.organizationName(),
                                e.country(),
                                e.role(),
                                "accepted",
                                e.occurredAt())))
                .on(
                        PartnerDeclined.class,
                        (e -> partner(
                                e.projectId(),
                                e.organizationId(),
                                e.organizationName(),
                                e.country(),
                                e.role(),
                                "declined",
                                e.occurredAt())))
                .on(
                        PartnerWithdrawn.class,
                        (e -> partner(
                                e.projectId(),
                                e.organizationId(),
                                e.organizationName(),
                                e.country(),
                                e.role(),
                                "withdrawn",
                                e.occurredAt())));
        return consumers.consumer("notifyAboutProjects", handlers.andTheRestOf(EventCatalogue.PROJECT_EVENTS));
    }

    private void partner(
            String projectId,
            String organizationId,
            String name,
            String country,
            String role,
            String status,
            java.time.Instant at) {
        meetings.partner(
                projectId,
                new org.concordia.contracts.project.Partner(organizationId, name, country, role, status),
                at);
    }

    @Bean
    IdempotentConsumer notifyAboutMeetings(IdempotentConsumers consumers) {
        Learning handlers = new Learning()
                .on(MeetingScheduled.class, (e -> {
                    for (Invitee invitee : e.invitees()) {
                        people.introduce(
                                invitee.personId(),
                                invitee.fullName(),
                                invitee.email(),
                                invitee.preferredLanguage(),
                                invitee.timeZone());
                    }
                    meetings.on(e);
                }))
                .on(MeetingRescheduled.class, (meetings::on))
                .on(MeetingDetailsChanged.class, (meetings::on))
                .on(MeetingCancelled.class, (meetings::on))
                .on(MeetingOccurrenceRescheduled.class, (meetings::on))
                .on(MeetingOccurrenceCancelled.class, (meetings::on))
                .on(RegistrationConfirmed.class, (e -> {
                    people.introduce(e.personId(), e.fullName(), e.email(), e.preferredLanguage(), e.timeZone());
                    meetings.registration(e.meetingId(), e.personId(), "confirmed", e.occurredAt());
                }))
                .on(WaitlistPromoted.class, (e -> {
                    people.introduce(e.personId(), e.fullName(), e.email(), e.preferredLanguage(), e.timeZone());
                    meetings.registration(e.meetingId(), e.personId(), "confirmed", e.occurredAt());
                }))
                .on(
                        RegistrationWaitlisted.class,
                        (e -> meetings.registration(e.meetingId(), e.personId(), "waitlisted", e.occurredAt())))
                .on(
                        RegistrationTentative.class,
                        (e -> meetings.registration(e.meetingId(), e.personId(), "tentative", e.occurredAt())))
                .on(
                        RegistrationDeclined.class,
                        (e -> meetings.registration(e.meetingId(), e.personId(), "declined", e.occurredAt())));
        return consumers.consumer("notifyAboutMeetings", handlers.andTheRestOf(EventCatalogue.MEETING_EVENTS));
    }

    private void handle(DomainEvent event, EventMetadata metadata) {
        List<Notice> batch = deferred.get();
        for (Notice notice : RuleTable.notices(event, metadata.id(), metadata.type())) {
            if (batch != null && notice.audience() instanceof Audience.People) {
                batch.add(notice);
            } else {
                // an audience read from the read model is expanded as it is now, after what came before it
                fanOutDeferred();
                fanningOut.fanOut(notice);
            }
        }
        reactions.forEach(r -> r.changed(event));
    }

    /**
     * A poll's batch begins: notices to named people wait for its end, to be fanned out together, and what the
     * events teach the read model waits for the next read of it.
     */
    private void batchStarted() {
        deferred.set(new ArrayList<>());
        learnt.hold();
    }

    /** The batch's handlers ran: its waiting notices are fanned out together, before the events are marked. */
    private void batchFinished() {
        try {
            fanOutDeferred();
            learnt.flush();
        } finally {
            deferred.remove();
            learnt.release();
        }
    }

    private void fanOutDeferred() {
        List<Notice> batch = deferred.get();
        if (batch != null && !batch.isEmpty()) {
            List<Notice> notices = List.copyOf(batch);
            batch.clear();
            fanningOut.fanOut(notices);
        }
    }

    /**
     * Handlers that first teach the read model, then tell; {@link #andTheRestOf} gives the topic's other event
     * types their row of the rule table too.
     */
    private final class Learning {

        private final EventHandlers handlers =
                EventHandlers.create().aroundBatches(Intake.this::batchStarted, Intake.this::batchFinished);
        private final Set<Class<? extends DomainEvent>> known = new HashSet<>();

        <T extends DomainEvent> Learning on(Class<T> type, Consumer<T> learning) {
            known.add(type);
            handlers.onWithMetadata(type, (event, metadata) -> {
                learning.accept(event);
                handle(event, metadata);
            });
            return this;
        }

        EventHandlers andTheRestOf(String topic) {
            for (EventType type : EventCatalogue.all()) {
                if (type.topic().equals(topic) && !known.contains(type.javaType())) {
                    handlers.onWithMetadata(type.javaType(), Intake.this::handle);
                }
            }
            return handlers;
        }
    }
}
