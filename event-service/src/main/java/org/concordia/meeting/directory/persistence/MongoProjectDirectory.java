package org.concordia.meeting.directory.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.meeting.directory.KnownProject;
import org.concordia.meeting.directory.KnownProject.KnownMilestone;
import org.concordia.meeting.directory.ProjectChanges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Projects from project-events, one document each. Every part (the project's own fields, each partner, each
 * milestone) carries the time of its last applied event and takes only newer ones, so the parts of one project may
 * arrive in any order during a rebuild and still end in the same state.
 */
@Repository
class MongoProjectDirectory implements ProjectChanges {

    static final String PROJECTS = "directory_projects";

    private final MongoTemplate mongo;

    MongoProjectDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> projects() {
        return mongo.getCollection(PROJECTS);
    }

    @Override
    public void on(ProjectProposed event) {
        project(event.projectId(), event.occurredAt(), event.title(), event.leadOrganizationId(), "draft");
    }

    @Override
    public void on(ProjectDetailsChanged event) {
        project(event.projectId(), event.occurredAt(), event.title(), event.leadOrganizationId(), null);
    }

    @Override
    public void on(ProjectActivated event) {
        project(event.projectId(), event.occurredAt(), event.title(), event.leadOrganizationId(), "active");
        for (Partner partner : event.partners()) {
            partner(event.projectId(), partner.organizationId(), partner.status(), event.occurredAt());
        }
    }

    @Override
    public void on(ProjectCompleted event) {
        project(event.projectId(), event.occurredAt(), event.title(), null, "completed");
    }

    @Override
    public void on(ProjectCancelled event) {
        project(event.projectId(), event.occurredAt(), event.title(), null, "cancelled");
    }

    @Override
    public void on(PartnerInvited event) {
        lead(event.projectId(), event.leadOrganizationId());
        partner(event.projectId(), event.organizationId(), "invited", event.occurredAt());
    }

    @Override
    public void on(PartnerJoined event) {
        lead(event.projectId(), event.leadOrganizationId());
        partner(event.projectId(), event.organizationId(), "accepted", event.occurredAt());
    }

    @Override
    public void on(PartnerDeclined event) {
        partner(event.projectId(), event.organizationId(), "declined", event.occurredAt());
    }

    @Override
    public void on(PartnerWithdrawn event) {
        partner(event.projectId(), event.organizationId(), "withdrawn", event.occurredAt());
    }

    @Override
    public void on(MilestonePlanned event) {
        milestone(
                event.projectId(),
                event.milestoneId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set(path(event.milestoneId(), "title"), event.title()),
                        Updates.set(path(event.milestoneId(), "kind"), event.kind()),
                        Updates.set(
                                path(event.milestoneId(), "dueDate"),
                                event.dueDate().toString()),
                        Updates.set(path(event.milestoneId(), "status"), "planned")));
    }

    @Override
    public void on(MilestoneRescheduled event) {
        milestone(
                event.projectId(),
                event.milestoneId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set(path(event.milestoneId(), "title"), event.title()),
                        Updates.set(path(event.milestoneId(), "kind"), event.kind()),
                        Updates.set(
                                path(event.milestoneId(), "dueDate"),
                                event.dueDate().toString()),
                        Updates.set(
                                path(event.milestoneId(), "previousDueDate"),
                                event.previousDueDate().toString()),
                        Updates.set(path(event.milestoneId(), "status"), "planned")));
    }

    @Override
    public void on(MilestoneCompleted event) {
        milestone(
                event.projectId(),
                event.milestoneId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set(path(event.milestoneId(), "title"), event.title()),
                        Updates.set(path(event.milestoneId(), "status"), "completed")));
    }

    @Override
    public void on(MilestoneCancelled event) {
        milestone(
                event.projectId(),
                event.milestoneId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set(path(event.milestoneId(), "title"), event.title()),
                        Updates.set(
                                path(event.milestoneId(), "dueDate"),
                                event.dueDate().toString()),
                        Updates.set(path(event.milestoneId(), "status"), "cancelled"),
                        event.reason() == null
                                ? Updates.unset(path(event.milestoneId(), "reason"))
                                : Updates.set(path(event.milestoneId(), "reason"), event.reason())));
    }

    private void project(String id, Instant at, String title, String lead, String status) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("title", title));
        updates.add(Updates.set("lastEventAt", Date.from(at)));
        if (lead != null) {
            updates.add(Updates.set("leadOrganizationId", lead));
        }
        if (status != null) {
            updates.add(Updates.set("status", status));
        }
        Upserts.apply(projects(), newer(id, "lastEventAt", at), Updates.combine(updates));
    }

    /** The lead never changes, so it is set whenever an event names it. */
    private void lead(String projectId, String lead) {
        Upserts.apply(
                projects(),
                and(eq("_id", projectId), exists("leadOrganizationId", false)),
                Updates.set("leadOrganizationId", lead));
    }

    private void partner(String projectId, String organizationId, String status, Instant at) {
        String base = "partners." + organizationId;
        Upserts.apply(
                projects(),
                newer(projectId, base + ".at", at),
                Updates.combine(Updates.set(base + ".status", status), Updates.set(base + ".at", Date.from(at))));
    }

    private void milestone(String projectId, String milestoneId, Instant at, Bson changes) {
        Upserts.apply(
                projects(),
                newer(projectId, path(milestoneId, "at"), at),
                Updates.combine(changes, Updates.set(path(milestoneId, "at"), Date.from(at))));
    }

    private static Bson newer(String id, String field, Instant at) {
        return and(eq("_id", id), or(exists(field, false), lt(field, Date.from(at))));
    }

    private static String path(String milestoneId, String field) {
        return "milestones." + milestoneId + "." + field;
    }

    Optional<KnownProject> project(String id) {
        Document d = projects().find(eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(toProject(d));
    }

    /** One query: led by one of the organizations, or with one of them as an accepted partner. */
    List<KnownProject> projectsOf(Collection<String> organizationIds, int limit) {
        List<KnownProject> found = new ArrayList<>();
        if (organizationIds.isEmpty()) {
            return found;
        }
        List<Bson> any = new ArrayList<>();
        any.add(in("leadOrganizationId", Set.copyOf(organizationIds)));
        for (String organizationId : organizationIds) {
            any.add(eq("partners." + organizationId + ".status", "accepted"));
        }
        for (Document d : projects().find(or(any)).limit(limit)) {
            found.add(toProject(d));
        }
        return found;
    }

    private static KnownProject toProject(Document d) {
        String id = d.getString("_id");
        Map<String, String> partners = new LinkedHashMap<>();
        Document partnerDocs = d.get("partners", Document.class);
        if (partnerDocs != null) {
            partnerDocs.forEach((org, value) -> partners.put(org, ((Document) value).getString("status")));
        }
        Map<String, KnownMilestone> milestones = new LinkedHashMap<>();
        Document milestoneDocs = d.get("milestones", Document.class);
        if (milestoneDocs != null) {
            milestoneDocs.forEach((milestoneId, value) -> {
                Document m = (Document) value;
                milestones.put(
                        milestoneId,
                        new KnownMilestone(
                                milestoneId,
                                m.getString("title"),
                                m.getString("kind"),
                                date(m.getString("dueDate")),
                                date(m.getString("previousDueDate")),
                                m.getString("status") == null ? "planned" : m.getString("status"),
                                m.getString("reason")));
            });
        }
        return new KnownProject(
                id,
                d.getString("title"),
                d.getString("leadOrganizationId"),
                d.getString("status"),
                partners,
                milestones);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
