package org.concordia.notification.recipient.persistence;

import static org.concordia.notification.recipient.persistence.Collections.always;
import static org.concordia.notification.recipient.persistence.Collections.date;
import static org.concordia.notification.recipient.persistence.Collections.lowerThan;
import static org.concordia.notification.recipient.persistence.Collections.notYet;
import static org.concordia.notification.recipient.persistence.Collections.olderThan;
import static org.concordia.notification.recipient.persistence.Collections.upsertIfNews;
import static org.concordia.notification.recipient.persistence.Collections.without;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.Invitee;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.project.Partner;
import org.concordia.notification.recipient.MeetingDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Projects ({@code _id} = project id; partners as an array of organization, name, status and when), meetings
 * ({@code _id} = meeting id; targets, times, reminders; changes applied only for a higher iCalendar sequence) and
 * registrations ({@code _id} = {@code <meetingId>:<personId>}, the latest answer wins).
 */
@Repository
class MongoMeetingDirectory implements MeetingDirectory {

    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> registrations;

    MongoMeetingDirectory(MongoTemplate mongo) {
        projects = mongo.getCollection(Collections.PROJECTS);
        meetings = mongo.getCollection(Collections.MEETINGS);
        registrations = mongo.getCollection(Collections.REGISTRATIONS);
        registrations.createIndex(Indexes.ascending("meetingId", "status"));
    }

    @Override
    public void project(String projectId, String title, @Nullable String leadOrganizationId, Instant at) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("title", title), Updates.set("at", date(at))));
        if (leadOrganizationId != null) {
            updates.add(Updates.set("leadOrganizationId", leadOrganizationId));
        }
        upsertIfNews(projects, projectId, olderThan("at", at), Updates.combine(updates));
    }

    @Override
    public void partner(String projectId, Partner partner, Instant at) {
        // one document per project and partner keeps the update a plain conditional upsert by _id
        upsertIfNews(
                projects,
                projectId + ":" + partner.organizationId(),
                olderThan("at", at),
                Updates.combine(
                        Updates.set("projectId", projectId),
                        Updates.set("organizationId", partner.organizationId()),
                        Updates.set("name", partner.name()),
                        Updates.set("role", partner.role()),
                        Updates.set("status", partner.status()),
                        Updates.set("at", date(at))));
        // addToSet is idempotent, so the project's list of partners needs no condition
        upsertIfNews(projects, projectId, always(), Updates.addToSet("partnerIds", partner.organizationId()));
    }

    @Override
    public void on(MeetingScheduled event) {
        List<Document> targets = new ArrayList<>();
        for (InvitationTarget target : event.targets()) {
            targets.add(new Document("kind", target.kind())
                    .append("personId", target.personId())
                    .append("organizationId", target.organizationId())
                    .append("projectId", target.projectId())
                    .append("roles", target.roles()));
        }
        for (Invitee invitee : event.invitees()) {
            targets.add(new Document("kind", InvitationTarget.PERSON).append("personId", invitee.personId()));
        }
        for (String organizationId : event.invitedOrganizationIds()) {
            targets.add(new Document("kind", InvitationTarget.ORGANIZATION_MEMBERS)
                    .append("organizationId", organizationId)
                    .append("roles", List.of()));
        }
        upsertIfNews(
                meetings,
                event.meetingId(),
                without("sequence"),
                Updates.combine(
                        times(event.title(), event.start(), event.end(), event.timeZone(), event.sequence()),
                        details(event.format(), event.venue(), event.onlineLink()),
                        Updates.set("organizationId", event.organizationId()),
                        Updates.set("organizerName", event.organizerName()),
                        Updates.set("organizerEmail", event.organizerEmail()),
                        Updates.set("targets", targets),
                        Updates.set("reminderMinutesBefore", event.reminderMinutesBefore()),
                        Updates.set("occurrenceStarts", dates(event.occurrenceStarts())),
                        Updates.set("cancelledOccurrences", List.of()),
                        Updates.set("cancelled", false)));
    }

    @Override
    public void on(MeetingRescheduled event) {
        upsertIfNews(
                meetings,
                event.meetingId(),
                newer(event.sequence()),
                Updates.combine(
                        times(event.title(), event.start(), event.end(), event.timeZone(), event.sequence()),
                        details(event.format(), event.venue(), event.onlineLink()),
                        Updates.set("occurrenceStarts", dates(event.occurrenceStarts()))));
    }

    @Override
    public void on(MeetingDetailsChanged event) {
        upsertIfNews(
                meetings,
                event.meetingId(),
                newer(event.sequence()),
                Updates.combine(
                        times(event.title(), event.start(), event.end(), event.timeZone(), event.sequence()),
                        details(event.format(), event.venue(), event.onlineLink()),
                        Updates.set("occurrenceStarts", dates(event.occurrenceStarts()))));
    }

    @Override
    public void on(MeetingCancelled event) {
        upsertIfNews(
                meetings,
                event.meetingId(),
                notYet("cancelled"),
                Updates.combine(
                        Updates.set("cancelled", true),
                        Updates.max("sequence", event.sequence()),
                        Updates.setOnInsert("title", event.title()),
                        Updates.setOnInsert("start", date(event.start())),
                        Updates.setOnInsert("end", date(event.end())),
                        Updates.setOnInsert("timeZone", event.timeZone())));
    }

    @Override
    public void on(MeetingOccurrenceRescheduled event) {
        Collections.reading();
        Document meeting = meetings.find(Filters.eq("_id", event.meetingId())).first();
        if (meeting == null) {
            return;
        }
        List<Date> starts = new ArrayList<>(meeting.getList("occurrenceStarts", Date.class, List.of()));
        starts.remove(date(event.recurrenceId()));
        starts.remove(date(event.previousStart()));
        starts.add(date(event.start()));
        starts.sort(null);
        upsertIfNews(
                meetings,
                event.meetingId(),
                newer(event.sequence()),
                Updates.combine(Updates.set("occurrenceStarts", starts), Updates.set("sequence", event.sequence())));
    }

    @Override
    public void on(MeetingOccurrenceCancelled event) {
        upsertIfNews(
                meetings,
                event.meetingId(),
                newer(event.sequence()),
                Updates.combine(
                        Updates.addToSet("cancelledOccurrences", date(event.start())),
                        Updates.set("sequence", event.sequence())));
    }

    @Override
    public void registration(String meetingId, String personId, String status, Instant at) {
        upsertIfNews(
                registrations,
                meetingId + ":" + personId,
                olderThan("at", at),
                Updates.combine(
                        Updates.set("meetingId", meetingId),
                        Updates.set("personId", personId),
                        Updates.set("status", status),
                        Updates.set("at", date(at))));
    }

    /** Not cancelled, and an older iCalendar sequence than {@code sequence}. */
    private static Predicate<@Nullable Document> newer(int sequence) {
        return notYet("cancelled").and(lowerThan("sequence", sequence));
    }

    private static Bson times(String title, Instant start, Instant end, String zone, int sequence) {
        return Updates.combine(
                Updates.set("title", title),
                Updates.set("start", date(start)),
                Updates.set("end", date(end)),
                Updates.set("timeZone", zone),
                Updates.set("sequence", sequence));
    }

    private static Bson details(String format, @Nullable String venue, @Nullable String onlineLink) {
        return Updates.combine(
                Updates.set("format", format), Updates.set("venue", venue), Updates.set("onlineLink", onlineLink));
    }

    private static List<Date> dates(List<Instant> instants) {
        return instants.stream().map(Date::from).toList();
    }
}
