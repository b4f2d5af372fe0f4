package org.concordia.notification.notice.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.DomainEvent;
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
 * Who is told what about each event type: one row per type of the event catalogue, "nobody" included. The module
 * README prints the same table, and the rule-table test walks it row by row through the broker.
 */
public final class RuleTable {

    /** One row: the event, who is told (in words), the purposes of their notifications, and the category. */
    public record Row(Class<? extends DomainEvent> event, String who, List<String> purposes, Category category) {}

    private interface Rule<T extends DomainEvent> {
        List<Notice> notices(T event, String id, String type);
    }

    private record Entry<T extends DomainEvent>(Row row, Rule<T> rule) {}

    private static final Map<Class<? extends DomainEvent>, Entry<?>> ROWS = new LinkedHashMap<>();

    private static <T extends DomainEvent> void row(
            Class<T> event, String who, List<String> purposes, Category category, Rule<T> rule) {
        ROWS.put(event, new Entry<>(new Row(event, who, purposes, category), rule));
    }

    private static <T extends DomainEvent> void nobody(Class<T> event, String why, Category category) {
        row(event, "nobody (" + why + ")", List.of(), category, (e, id, type) -> List.of());
    }

    static {
        Category o = Category.ORGANIZATIONS;
        nobody(OrganizationRegistered.class, "read model: name and parent", o);
        nobody(OrganizationUpdated.class, "read model: name and parent", o);
        row(
                OrganizationArchived.class,
                "every member of the organization",
                List.of("member"),
                o,
                OrganizationRules::on);
        nobody(PersonRegistered.class, "read model: language, zone, e-mail", o);
        nobody(PersonUpdated.class, "read model: language, zone, e-mail", o);
        row(
                MemberJoined.class,
                "the person (welcome); the organization's coordinators",
                List.of("welcome", "coordinator"),
                o,
                OrganizationRules::on);
        row(MemberRolesChanged.class, "the person", List.of("member"), o, OrganizationRules::on);
        row(
                MemberLeft.class,
                "the person; the organization's coordinators",
                List.of("member", "coordinator"),
                o,
                OrganizationRules::on);
        row(
                PartnershipFormed.class,
                "coordinators of both organizations",
                List.of("coordinator"),
                o,
                OrganizationRules::on);
        row(
                PartnershipEnded.class,
                "coordinators of both organizations",
                List.of("coordinator"),
                o,
                OrganizationRules::on);

        Category p = Category.PROJECTS;
        row(ProjectProposed.class, "coordinators of the lead", List.of("coordinator"), p, ProjectRules::on);
        row(
                ProjectActivated.class,
                "coordinators of the lead and of every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        nobody(ProjectDetailsChanged.class, "read model: title and lead", p);
        row(
                PartnerInvited.class,
                "coordinators of the invited organization",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(PartnerJoined.class, "coordinators of the lead", List.of("coordinator"), p, ProjectRules::on);
        row(PartnerDeclined.class, "coordinators of the lead", List.of("coordinator"), p, ProjectRules::on);
        row(PartnerWithdrawn.class, "coordinators of the lead", List.of("coordinator"), p, ProjectRules::on);
        row(
                MilestonePlanned.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(
                MilestoneRescheduled.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(
                MilestoneCompleted.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(
                MilestoneCancelled.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(
                ProjectCompleted.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);
        row(
                ProjectCancelled.class,
                "coordinators of the lead and every accepted partner",
                List.of("coordinator"),
                p,
                ProjectRules::on);

        Category m = Category.MEETINGS;
        row(
                MeetingScheduled.class,
                "every invitee its targets name (people, organization members, networks, project partners)",
                List.of("invitee"),
                m,
                MeetingRules::on);
        row(
                MeetingRescheduled.class,
                "every invitee who had not declined, old and new local time (transactional)",
                List.of("invitee"),
                m,
                MeetingRules::on);
        row(MeetingDetailsChanged.class, "every invitee who had not declined", List.of("invitee"), m, MeetingRules::on);
        row(
                MeetingCancelled.class,
                "every invitee who had not declined (transactional, .ics CANCEL)",
                List.of("invitee"),
                m,
                MeetingRules::on);
        row(
                MeetingOccurrenceRescheduled.class,
                "every invitee who had not declined, old and new local time (transactional)",
                List.of("invitee"),
                m,
                MeetingRules::on);
        row(
                MeetingOccurrenceCancelled.class,
                "every invitee who had not declined (transactional, .ics CANCEL)",
                List.of("invitee"),
                m,
                MeetingRules::on);
        row(
                RegistrationConfirmed.class,
                "the person (transactional, .ics REQUEST); reminders follow",
                List.of("participant"),
                m,
                MeetingRules::on);
        nobody(RegistrationDeclined.class, "read model: no more reminders or meeting news", m);
        nobody(RegistrationTentative.class, "read model: no reminders", m);
        row(RegistrationWaitlisted.class, "the person, with their place", List.of("participant"), m, MeetingRules::on);
        row(
                WaitlistPromoted.class,
                "the person (transactional, .ics REQUEST); reminders follow",
                List.of("participant"),
                m,
                MeetingRules::on);
        row(
                MinutesPublished.class,
                "confirmed participants; each action-item owner with their items",
                List.of("participant", "action-owner"),
                m,
                MeetingRules::on);
        row(MinutesCorrected.class, "confirmed participants", List.of("participant"), m, MeetingRules::on);
        nobody(MeetingHeld.class, "the minutes will tell", m);
        Category a = Category.ANNOUNCEMENTS;
        row(
                AnnouncementPublished.class,
                "every person its targets name, once, in their language (the announcement fan-out, not this table:"
                        + " notification ids <announcementId>:<personId>:announcement)",
                List.of(),
                a,
                (e, id, type) -> List.of());
        row(
                AnnouncementCorrected.class,
                "every person its targets name, the text marked corrected (the announcement fan-out:"
                        + " <announcementId>:r<revision>:<personId>:correction)",
                List.of(),
                a,
                (e, id, type) -> List.of());
    }

    private RuleTable() {}

    public static List<Row> rows() {
        return ROWS.values().stream().<Row>map(Entry::row).toList();
    }

    /** The notices an event gives, in the order of its row; empty for "nobody" and for types without a row. */
    @SuppressWarnings("unchecked")
    public static <T extends DomainEvent> List<Notice> notices(T event, String eventId, String type) {
        Entry<T> entry = (Entry<T>) ROWS.get(event.getClass());
        return entry == null ? List.of() : entry.rule().notices(event, eventId, type);
    }
}
