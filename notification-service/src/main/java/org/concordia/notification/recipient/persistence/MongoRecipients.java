package org.concordia.notification.recipient.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.KnownMeeting;
import org.concordia.notification.recipient.Reason;
import org.concordia.notification.recipient.Recipient;
import org.concordia.notification.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Expands audiences with cursors over memberships and registrations, {@code batchSize} documents at a time; the
 * people of each batch are read with one {@code _id $in} query. Nothing holds more than one batch.
 */
@Repository
class MongoRecipients implements Recipients {

    private static final Set<String> TAKING_PART = Set.of("accepted");

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> memberships;
    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> partnerships;

    private final java.time.Clock clock;

    MongoRecipients(MongoTemplate mongo, java.time.Clock clock) {
        this.clock = clock;
        people = mongo.getCollection(Collections.PEOPLE);
        organizations = mongo.getCollection(Collections.ORGANIZATIONS);
        memberships = mongo.getCollection(Collections.MEMBERSHIPS);
        projects = mongo.getCollection(Collections.PROJECTS);
        meetings = mongo.getCollection(Collections.MEETINGS);
        registrations = mongo.getCollection(Collections.REGISTRATIONS);
        partnerships = mongo.getCollection(Collections.PARTNERSHIPS);
    }

    @Override
    public void expand(Audience audience, int batchSize, Consumer<List<Recipient>> batch) {
        Collections.reading();
        // who declined a meeting is left out batch by batch, with one _id $in look-up of their registrations
        Batcher batcher = new Batcher(
                batchSize,
                batch,
                audience instanceof Audience.MeetingInvitees invitees
                        ? ids -> declined(invitees.meetingId(), ids)
                        : null);
        feed(audience, batcher);
        batcher.flush();
    }

    @Override
    public void expandNamed(
            List<Audience.People> audiences, int batchSize, BiConsumer<Integer, List<Recipient>> batch) {
        Collections.reading();
        int first = 0;
        while (first < audiences.size()) {
            // as many whole audiences as name at most batchSize people together (at least one audience)
            Set<String> ids = new LinkedHashSet<>();
            int end = first;
            while (end < audiences.size()) {
                Set<String> more = new LinkedHashSet<>(ids);
                audiences.get(end).people().forEach(p -> more.add(p.personId()));
                if (end > first && more.size() > batchSize) {
                    break;
                }
                ids = more;
                end++;
            }
            Map<String, Document> found = new HashMap<>();
            List<String> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += batchSize) {
                for (Document person :
                        people.find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + batchSize))))) {
                    found.put(person.getString("_id"), person);
                }
            }
            for (int index = first; index < end; index++) {
                tellNamed(index, audiences.get(index), found, batchSize, batch);
            }
            first = end;
        }
    }

    private static void tellNamed(
            int index,
            Audience.People audience,
            Map<String, Document> found,
            int batchSize,
            BiConsumer<Integer, List<Recipient>> batch) {
        List<Recipient> recipients = new ArrayList<>();
        Set<String> told = new HashSet<>();
        for (Audience.Named named : audience.people()) {
            Document person = found.get(named.personId());
            if (person == null || person.getString("email") == null || !told.add(named.personId())) {
                continue;
            }
            recipients.add(recipient(person, named.reason(), null));
            if (recipients.size() >= batchSize) {
                batch.accept(index, recipients);
                recipients = new ArrayList<>();
            }
        }
        if (!recipients.isEmpty()) {
            batch.accept(index, recipients);
        }
    }

    private static Recipient recipient(Document person, Reason reason, @Nullable String organizationId) {
        return new Recipient(
                person.getString("_id"),
                person.getString("name"),
                person.getString("email"),
                person.getString("language"),
                person.getString("zone"),
                reason,
                organizationId);
    }

    private void feed(Audience audience, Batcher batcher) {
        if (audience instanceof Audience.People named) {
            named.people().forEach(p -> batcher.add(p.personId(), p.reason()));
        } else if (audience instanceof Audience.Members members) {
            members(List.of(members.organizationId()), members.roles(), batcher, members.project());
        } else if (audience instanceof Audience.Network network) {
            members(network(network.organizationId()), network.roles(), batcher, null);
        } else if (audience instanceof Audience.Partners partners) {
            partnersOf(partners, batcher);
        } else if (audience instanceof Audience.ProjectPartners partners) {
            projectPartners(partners, batcher);
        } else if (audience instanceof Audience.MeetingInvitees invitees) {
            meetingInvitees(invitees.meetingId(), batcher);
        } else if (audience instanceof Audience.MeetingParticipants participants) {
            participants(participants.meetingId(), participants.upcoming() ? "registered" : "participant", batcher);
        } else if (audience instanceof Audience.AnyOf any) {
            any.parts().forEach(part -> feed(part, batcher));
        } else if (audience instanceof Audience.Except except) {
            batcher.skipping(except.personId(), () -> feed(except.audience(), batcher));
        }
    }

    /** Streams the active members of the organizations, each with the reason naming their organization and roles. */
    private void members(List<String> organizationIds, List<String> roles, Batcher batcher, @Nullable String project) {
        membersWith(
                organizationIds,
                roles,
                batcher,
                (organization, role) -> project == null
                        ? Reason.of("member_of", "organization", organization, "role", role)
                        : Reason.of(
                                "member_of_partner", "organization", organization, "role", role, "project", project));
    }

    /**
     * The members of every organization in an active partnership with the organization, on either side; a
     * partnership past its agreed last day counts no more.
     */
    private void partnersOf(Audience.Partners audience, Batcher batcher) {
        String organizationId = audience.organizationId();
        String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC))
                .toString();
        Set<String> partners = new LinkedHashSet<>();
        for (Document partnership : partnerships
                .find(Filters.and(
                        Filters.or(
                                Filters.eq("organizationId", organizationId),
                                Filters.eq("partnerOrganizationId", organizationId)),
                        Filters.eq("active", true)))
                .projection(Projections.include("organizationId", "partnerOrganizationId", "until"))) {
            String until = partnership.getString("until");
            if (until != null && until.compareTo(today) < 0) {
                continue;
            }
            String side = partnership.getString("organizationId");
            partners.add(organizationId.equals(side) ? partnership.getString("partnerOrganizationId") : side);
        }
        partners.remove(organizationId);
        if (partners.isEmpty()) {
            return;
        }
        String partnerOf = names(List.of(organizationId)).getOrDefault(organizationId, organizationId);
        membersWith(
                List.copyOf(partners),
                audience.roles(),
                batcher,
                (organization, role) -> Reason.of(
                        "member_of_partner_organization",
                        "organization",
                        organization,
                        "role",
                        role,
                        "partner",
                        partnerOf));
    }

    private void membersWith(
            List<String> organizationIds,
            List<String> roles,
            Batcher batcher,
            java.util.function.BiFunction<String, String, Reason> why) {
        if (organizationIds.isEmpty()) {
            return;
        }
        Map<String, String> names = names(organizationIds);
        List<Bson> filter =
                new ArrayList<>(List.of(Filters.in("organizationId", organizationIds), Filters.eq("active", true)));
        if (!roles.isEmpty()) {
            filter.add(Filters.in("roles", roles));
        }
        try (MongoCursor<Document> cursor = memberships
                .find(Filters.and(filter))
                .projection(Projections.include("organizationId", "personId", "roles"))
                .batchSize(batcher.size)
                .iterator()) {
            while (cursor.hasNext()) {
                Document membership = cursor.next();
                String organizationId = membership.getString("organizationId");
                List<String> held = membership.getList("roles", String.class, List.of());
                String organization = names.getOrDefault(organizationId, organizationId);
                batcher.add(membership.getString("personId"), why.apply(organization, mainRole(held)), organizationId);
            }
        }
    }

    private static String mainRole(List<String> roles) {
        for (String role : List.of("coordinator", "representative", "partner_contact", "member")) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return roles.isEmpty() ? "member" : roles.get(0);
    }

    /** The organization and its chapters and representations at any depth, one query per level. */
    List<String> network(String rootId) {
        Set<String> all = new LinkedHashSet<>(List.of(rootId));
        List<String> level = List.of(rootId);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Document child :
                    organizations.find(Filters.in("parentId", level)).projection(Projections.include("_id"))) {
                String id = child.getString("_id");
                if (all.add(id)) {
                    next.add(id);
                }
            }
            level = next;
        }
        return List.copyOf(all);
    }

    private record Project(String id, String title, List<String> organizations) {}

    private Optional<Project> project(String projectId) {
        Document project = projects.find(Filters.eq("_id", projectId)).first();
        if (project == null) {
            return Optional.empty();
        }
        List<String> taking = new ArrayList<>();
        String lead = project.getString("leadOrganizationId");
        if (lead != null) {
            taking.add(lead);
        }
        List<String> partnerKeys = project.getList("partnerIds", String.class, List.of()).stream()
                .map(id -> projectId + ":" + id)
                .toList();
        if (!partnerKeys.isEmpty()) {
            for (Document partner : projects.find(Filters.in("_id", partnerKeys))) {
                String organizationId = partner.getString("organizationId");
                if (TAKING_PART.contains(partner.getString("status")) && !taking.contains(organizationId)) {
                    taking.add(organizationId);
                }
            }
        }
        return Optional.of(new Project(projectId, project.getString("title"), taking));
    }

    private void projectPartners(Audience.ProjectPartners partners, Batcher batcher) {
        project(partners.projectId())
                .ifPresent(project -> members(project.organizations(), partners.roles(), batcher, project.title()));
    }

    private void meetingInvitees(String meetingId, Batcher notDeclined) {
        Document meeting = meetings.find(Filters.eq("_id", meetingId)).first();
        if (meeting == null) {
            return;
        }
        String title = meeting.getString("title");
        for (Document target : meeting.getList("targets", Document.class, List.of())) {
            List<String> roles = target.getList("roles", String.class, List.of());
            switch (target.getString("kind")) {
                case InvitationTarget.PERSON ->
                    notDeclined.add(target.getString("personId"), Reason.of("invited", "meeting", title));
                case InvitationTarget.ORGANIZATION_MEMBERS ->
                    members(List.of(target.getString("organizationId")), roles, notDeclined, null);
                case InvitationTarget.ORGANIZATION_NETWORK ->
                    members(network(target.getString("organizationId")), roles, notDeclined, null);
                case InvitationTarget.PROJECT_PARTNERS ->
                    projectPartners(new Audience.ProjectPartners(target.getString("projectId"), roles), notDeclined);
                default -> {
                    // a target kind this version does not know names nobody it could address
                }
            }
        }
    }

    private Set<String> declined(String meetingId, List<String> personIds) {
        Set<String> declined = new java.util.HashSet<>();
        List<String> keys = personIds.stream().map(p -> meetingId + ":" + p).toList();
        for (Document registration :
                registrations.find(Filters.in("_id", keys)).projection(Projections.include("personId", "status"))) {
            if ("declined".equals(registration.getString("status"))) {
                declined.add(registration.getString("personId"));
            }
        }
        return declined;
    }

    private void participants(String meetingId, String reason, Batcher batcher) {
        Document meeting = meetings.find(Filters.eq("_id", meetingId)).first();
        String title = meeting == null ? "" : meeting.getString("title");
        try (MongoCursor<Document> cursor = registrations
                .find(Filters.and(Filters.eq("meetingId", meetingId), Filters.eq("status", "confirmed")))
                .projection(Projections.include("personId"))
                .batchSize(batcher.size)
                .iterator()) {
            while (cursor.hasNext()) {
                batcher.add(cursor.next().getString("personId"), Reason.of(reason, "meeting", title));
            }
        }
    }

    @Override
    public Optional<KnownMeeting> meeting(String meetingId) {
        Collections.reading();
        Document m = meetings.find(Filters.eq("_id", meetingId)).first();
        if (m == null || m.getDate("start") == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownMeeting(
                meetingId,
                m.getString("title"),
                m.getString("organizationId") == null ? "" : m.getString("organizationId"),
                m.getDate("start").toInstant(),
                m.getDate("end").toInstant(),
                m.getString("timeZone"),
                m.getInteger("sequence", 0),
                m.getList("reminderMinutesBefore", Integer.class, List.of()),
                instants(m.getList("occurrenceStarts", Date.class, List.of())),
                instants(m.getList("cancelledOccurrences", Date.class, List.of())),
                m.getBoolean("cancelled", false),
                m.getString("format"),
                m.getString("venue"),
                m.getString("onlineLink"),
                m.getString("organizerName"),
                m.getString("organizerEmail")));
    }

    private static List<Instant> instants(List<Date> dates) {
        return dates.stream().map(Date::toInstant).toList();
    }

    @Override
    public Optional<String> organizationName(String organizationId) {
        Collections.reading();
        return Optional.ofNullable(names(List.of(organizationId)).get(organizationId));
    }

    private Map<String, String> names(List<String> organizationIds) {
        Map<String, String> names = new HashMap<>();
        for (Document organization :
                organizations.find(Filters.in("_id", organizationIds)).projection(Projections.include("name"))) {
            names.put(organization.getString("_id"), organization.getString("name"));
        }
        return names;
    }

    /**
     * Collects person ids with their reasons until a batch is full, then reads those people by {@code _id $in}
     * and hands the batch on. Unknown people (no e-mail, language or zone learnt yet) cannot be addressed and are
     * left out.
     */
    private final class Batcher {

        final int size;
        private final Consumer<List<Recipient>> downstream;
        private final java.util.function.Function<List<String>, Set<String>> excluded;
        private final Map<String, Reason> pending = new LinkedHashMap<>();
        private final Map<String, String> through = new HashMap<>();
        private final Set<String> skipped = new HashSet<>();

        Batcher(
                int size,
                Consumer<List<Recipient>> downstream,
                java.util.function.Function<List<String>, Set<String>> excluded) {
            this.size = size;
            this.downstream = downstream;
            this.excluded = excluded;
        }

        void add(String personId, Reason reason) {
            add(personId, reason, null);
        }

        /** Leaves the person out of whatever {@code feeding} adds; added before or after, they stay. */
        void skipping(String personId, Runnable feeding) {
            boolean added = skipped.add(personId);
            try {
                feeding.run();
            } finally {
                if (added) {
                    skipped.remove(personId);
                }
            }
        }

        /** @param organizationId the organization through whose membership the person is reached */
        void add(String personId, Reason reason, @Nullable String organizationId) {
            if (personId == null || skipped.contains(personId)) {
                return;
            }
            if (pending.putIfAbsent(personId, reason) == null && organizationId != null) {
                through.put(personId, organizationId);
            }
            if (pending.size() >= size) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> ids = List.copyOf(pending.keySet());
            Set<String> leftOut = excluded == null ? Set.of() : excluded.apply(ids);
            List<Recipient> batch = new ArrayList<>(ids.size());
            for (Document person : people.find(Filters.in("_id", ids))) {
                String id = person.getString("_id");
                if (leftOut.contains(id) || person.getString("email") == null) {
                    continue;
                }
                batch.add(recipient(person, pending.get(id), through.get(id)));
            }
            pending.clear();
            through.clear();
            if (!batch.isEmpty()) {
                downstream.accept(batch);
            }
        }
    }
}
