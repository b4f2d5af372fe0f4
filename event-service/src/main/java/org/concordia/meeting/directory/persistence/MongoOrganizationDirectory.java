package org.concordia.meeting.directory.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.meeting.directory.KnownMembership;
import org.concordia.meeting.directory.KnownOrganization;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.directory.OrganizationChanges;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * People, organizations and memberships from organization-events. People and organizations follow their version
 * (0 for a registration); a membership, keyed {@code <organizationId>:<personId>} so that "is this person a member"
 * is an {@code _id} lookup, follows the time of its last applied event.
 */
@Repository
class MongoOrganizationDirectory implements OrganizationChanges, InitializingBean {

    static final String PEOPLE = "directory_people";
    static final String ORGANIZATIONS = "directory_organizations";
    static final String MEMBERSHIPS = "directory_memberships";
    /** Chapters below chapters stop here; real networks are two or three levels deep. */
    private static final int MAX_NETWORK_DEPTH = 8;

    private final MongoTemplate mongo;

    MongoOrganizationDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        memberships().createIndex(Indexes.ascending("personId", "active"), new IndexOptions().name("of_person"));
        memberships()
                .createIndex(Indexes.ascending("organizationId", "active", "_id"), new IndexOptions().name("members"));
        organizations().createIndex(Indexes.ascending("parentId"), new IndexOptions().name("chapters"));
    }

    MongoCollection<Document> people() {
        return mongo.getCollection(PEOPLE);
    }

    MongoCollection<Document> organizations() {
        return mongo.getCollection(ORGANIZATIONS);
    }

    MongoCollection<Document> memberships() {
        return mongo.getCollection(MEMBERSHIPS);
    }

    static String membershipKey(String organizationId, String personId) {
        return organizationId + ":" + personId;
    }

    // ---- people

    @Override
    public void on(PersonRegistered event) {
        person(event.personId(), event.fullName(), event.email(), event.preferredLanguage(), event.timeZone(), 0);
    }

    @Override
    public void on(PersonUpdated event) {
        person(
                event.personId(),
                event.fullName(),
                event.email(),
                event.preferredLanguage(),
                event.timeZone(),
                event.version());
    }

    private void person(String id, String name, String email, String language, String zone, long version) {
        Bson news = and(eq("_id", id), or(exists("version", false), lt("version", version)));
        Upserts.apply(
                people(),
                news,
                Updates.combine(
                        Updates.set("fullName", name),
                        Updates.set("email", email),
                        Updates.set("preferredLanguage", language),
                        Updates.set("timeZone", zone),
                        Updates.set("version", version)));
    }

    // ---- organizations

    @Override
    public void on(OrganizationRegistered event) {
        organization(event.organizationId(), event.name(), event.parentId(), 0);
    }

    @Override
    public void on(OrganizationUpdated event) {
        organization(event.organizationId(), event.name(), event.parentId(), event.version());
    }

    private void organization(String id, String name, String parentId, long version) {
        Bson news = and(eq("_id", id), or(exists("version", false), lt("version", version)));
        Upserts.apply(
                organizations(),
                news,
                Updates.combine(
                        Updates.set("name", name),
                        parentId == null ? Updates.unset("parentId") : Updates.set("parentId", parentId),
                        Updates.set("version", version),
                        Updates.setOnInsert("archived", false)));
    }

    @Override
    public void on(OrganizationArchived event) {
        Upserts.apply(
                organizations(),
                and(eq("_id", event.organizationId()), ne("archived", true)),
                Updates.combine(Updates.set("archived", true), Updates.setOnInsert("name", event.name())));
    }

    // ---- memberships

    @Override
    public void on(MemberJoined event) {
        Upserts.apply(
                people(),
                and(eq("_id", event.personId()), exists("version", false)),
                Updates.combine(
                        Updates.set("fullName", event.personName()),
                        Updates.set("email", event.email()),
                        Updates.set("preferredLanguage", event.preferredLanguage()),
                        Updates.set("timeZone", event.timeZone())));
        membership(
                event.organizationId(),
                event.personId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set("membershipId", event.membershipId()),
                        Updates.set("roles", event.roles()),
                        Updates.set("active", true)));
    }

    @Override
    public void on(MemberRolesChanged event) {
        membership(
                event.organizationId(),
                event.personId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set("membershipId", event.membershipId()),
                        Updates.set("roles", event.roles()),
                        Updates.setOnInsert("active", true)));
    }

    @Override
    public void on(MemberLeft event) {
        membership(
                event.organizationId(),
                event.personId(),
                event.occurredAt(),
                Updates.combine(
                        Updates.set("membershipId", event.membershipId()),
                        Updates.set("roles", event.roles()),
                        Updates.set("active", false)));
    }

    private void membership(String organizationId, String personId, Instant at, Bson changes) {
        String key = membershipKey(organizationId, personId);
        Bson news = and(eq("_id", key), or(exists("lastEventAt", false), lt("lastEventAt", Date.from(at))));
        Upserts.apply(
                memberships(),
                news,
                Updates.combine(
                        changes,
                        Updates.set("organizationId", organizationId),
                        Updates.set("personId", personId),
                        Updates.set("lastEventAt", Date.from(at))));
    }

    // ---- queries

    Optional<KnownPerson> person(String id) {
        return Optional.ofNullable(people().find(eq("_id", id)).first()).map(MongoOrganizationDirectory::toPerson);
    }

    Map<String, KnownPerson> people(Collection<String> ids) {
        Map<String, KnownPerson> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : people().find(in("_id", Set.copyOf(ids)))) {
            KnownPerson person = toPerson(document);
            if (person != null) {
                found.put(person.id(), person);
            }
        }
        return found;
    }

    Optional<KnownOrganization> organization(String id) {
        Document document = organizations().find(eq("_id", id)).first();
        if (document == null || document.getString("name") == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownOrganization(
                id,
                document.getString("name"),
                document.getString("parentId"),
                document.getBoolean("archived", false)));
    }

    List<String> network(String organizationId) {
        Set<String> all = new LinkedHashSet<>(List.of(organizationId));
        List<String> level = List.of(organizationId);
        for (int depth = 0; depth < MAX_NETWORK_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (Document chapter : organizations().find(in("parentId", level)).projection(new Document("_id", 1))) {
                String id = chapter.getString("_id");
                if (all.add(id)) {
                    next.add(id);
                }
            }
            level = next;
        }
        return List.copyOf(all);
    }

    Optional<KnownMembership> membership(String organizationId, String personId) {
        Document document = memberships()
                .find(eq("_id", membershipKey(organizationId, personId)))
                .first();
        return Optional.ofNullable(document)
                .filter(d -> d.getBoolean("active", false))
                .map(MongoOrganizationDirectory::toMembership);
    }

    /** Pairs of organization and person looked up by {@code _id} at most; beyond it, the people's memberships. */
    static final int MAX_KEYS = 10_000;

    List<KnownMembership> memberships(Collection<String> organizationIds, Collection<String> personIds) {
        List<KnownMembership> found = new ArrayList<>();
        if (organizationIds.isEmpty() || personIds.isEmpty()) {
            return found;
        }
        Bson filter;
        if ((long) organizationIds.size() * personIds.size() <= MAX_KEYS) {
            List<String> keys = new ArrayList<>();
            for (String organizationId : organizationIds) {
                for (String personId : personIds) {
                    keys.add(membershipKey(organizationId, personId));
                }
            }
            filter = in("_id", keys);
        } else {
            filter = in("personId", Set.copyOf(personIds));
        }
        Set<String> wanted = Set.copyOf(organizationIds);
        for (Document d : memberships().find(filter)) {
            if (d.getBoolean("active", false) && wanted.contains(d.getString("organizationId"))) {
                found.add(toMembership(d));
            }
        }
        return found;
    }

    List<KnownMembership> membershipsOf(String personId) {
        List<KnownMembership> found = new ArrayList<>();
        memberships()
                .find(and(eq("personId", personId), eq("active", true)))
                .limit(1000)
                .forEach(d -> found.add(toMembership(d)));
        return found;
    }

    void membersOf(
            Collection<String> organizationIds, List<String> roles, int batchSize, Consumer<List<KnownPerson>> batch) {
        Bson filter = and(in("organizationId", organizationIds), eq("active", true));
        if (!roles.isEmpty()) {
            filter = and(filter, in("roles", roles));
        }
        Set<String> seen = new java.util.HashSet<>();
        List<String> ids = new ArrayList<>(batchSize);
        try (MongoCursor<Document> cursor = memberships()
                .find(filter)
                .projection(new Document("personId", 1))
                .batchSize(batchSize)
                .iterator()) {
            while (cursor.hasNext()) {
                String personId = cursor.next().getString("personId");
                // one person in several chapters of a network counts once
                if (organizationIds.size() == 1 || seen.add(personId)) {
                    ids.add(personId);
                }
                if (ids.size() == batchSize) {
                    emit(ids, batch);
                    ids = new ArrayList<>(batchSize);
                }
            }
        }
        if (!ids.isEmpty()) {
            emit(ids, batch);
        }
    }

    private void emit(List<String> ids, Consumer<List<KnownPerson>> batch) {
        Map<String, KnownPerson> known = people(ids);
        List<KnownPerson> people = new ArrayList<>(ids.size());
        for (String id : ids) {
            KnownPerson person = known.get(id);
            if (person != null) {
                people.add(person);
            }
        }
        batch.accept(people);
    }

    private static KnownPerson toPerson(Document d) {
        if (d.getString("fullName") == null) {
            return null;
        }
        return new KnownPerson(
                d.getString("_id"),
                d.getString("fullName"),
                d.getString("email"),
                d.getString("preferredLanguage"),
                d.getString("timeZone"));
    }

    private static KnownMembership toMembership(Document d) {
        List<String> roles = d.getList("roles", String.class);
        return new KnownMembership(
                d.getString("organizationId"), d.getString("personId"), roles == null ? List.of() : roles);
    }
}
