package org.concordia.notification.announcement.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.concordia.notification.announcement.Directory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the recipients' read model (people, organizations, memberships, projects, meetings) for writing and
 * reporting announcements. Never writes it: the consumers of the three topics do.
 */
@Repository
class MongoDirectory implements Directory {

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> memberships;
    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> partnerships;

    MongoDirectory(MongoTemplate mongo) {
        people = mongo.getCollection("people");
        organizations = mongo.getCollection("organizations");
        memberships = mongo.getCollection("memberships");
        projects = mongo.getCollection("projects");
        meetings = mongo.getCollection("meetings");
        partnerships = mongo.getCollection("partnerships");
    }

    @Override
    public Optional<Organization> organization(String organizationId) {
        Document d = organizations.find(Filters.eq("_id", organizationId)).first();
        if (d == null || d.getString("name") == null) {
            return Optional.empty();
        }
        return Optional.of(new Organization(
                organizationId,
                d.getString("name"),
                d.getString("parentId"),
                d.getString("country"),
                d.getList("languages", String.class, List.of())));
    }

    @Override
    public Optional<Person> person(String personId) {
        return Optional.ofNullable(people(List.of(personId)).get(personId));
    }

    @Override
    public boolean coordinates(String personId, List<String> organizationIds) {
        return memberships
                        .find(Filters.and(
                                Filters.eq("personId", personId),
                                Filters.in("organizationId", organizationIds),
                                Filters.eq("active", true),
                                Filters.eq("roles", "coordinator")))
                        .projection(Projections.include("_id"))
                        .first()
                != null;
    }

    @Override
    public List<String> network(String rootId) {
        Set<String> all = new LinkedHashSet<>(List.of(rootId));
        List<String> level = List.of(rootId);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Document child :
                    organizations.find(Filters.in("parentId", level)).projection(Projections.include("_id"))) {
                if (all.add(child.getString("_id"))) {
                    next.add(child.getString("_id"));
                }
            }
            level = next;
        }
        return List.copyOf(all);
    }

    @Override
    public List<String> partners(String organizationId) {
        Set<String> partners = new LinkedHashSet<>();
        for (Document p : partnerships.find(Filters.and(
                Filters.or(
                        Filters.eq("organizationId", organizationId),
                        Filters.eq("partnerOrganizationId", organizationId)),
                Filters.eq("active", true)))) {
            String side = p.getString("organizationId");
            partners.add(organizationId.equals(side) ? p.getString("partnerOrganizationId") : side);
        }
        partners.remove(organizationId);
        return List.copyOf(partners);
    }

    @Override
    public Optional<String> projectLead(String projectId) {
        Document d = projects.find(Filters.eq("_id", projectId)).first();
        return Optional.ofNullable(d == null ? null : d.getString("leadOrganizationId"));
    }

    @Override
    public Optional<String> meetingOrganizer(String meetingId) {
        Document d = meetings.find(Filters.eq("_id", meetingId)).first();
        return Optional.ofNullable(d == null ? null : d.getString("organizationId"));
    }

    @Override
    public Map<String, String> countries(Collection<String> personIds) {
        Map<String, String> organizationOf = new HashMap<>();
        if (personIds.isEmpty()) {
            return Map.of();
        }
        for (Document m : memberships
                .find(Filters.and(Filters.in("personId", personIds), Filters.eq("active", true)))
                .projection(Projections.include("personId", "organizationId"))) {
            organizationOf.putIfAbsent(m.getString("personId"), m.getString("organizationId"));
        }
        Map<String, String> countryOf = new HashMap<>();
        for (Document o : organizations
                .find(Filters.in("_id", new LinkedHashSet<>(organizationOf.values())))
                .projection(Projections.include("country"))) {
            if (o.getString("country") != null) {
                countryOf.put(o.getString("_id"), o.getString("country"));
            }
        }
        Map<String, String> countries = new HashMap<>();
        organizationOf.forEach((person, organization) -> {
            String country = countryOf.get(organization);
            if (country != null) {
                countries.put(person, country);
            }
        });
        return countries;
    }

    @Override
    public Map<String, String> organizationCountries(Collection<String> organizationIds) {
        Map<String, String> countries = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return countries;
        }
        for (Document o : organizations
                .find(Filters.in("_id", new LinkedHashSet<>(organizationIds)))
                .projection(Projections.include("country"))) {
            if (o.getString("country") != null) {
                countries.put(o.getString("_id"), o.getString("country"));
            }
        }
        return countries;
    }

    @Override
    public Map<String, Person> people(Collection<String> personIds) {
        Map<String, Person> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        for (Document p : people.find(Filters.in("_id", new LinkedHashSet<>(personIds)))
                .projection(Projections.include("name", "language"))) {
            String id = p.getString("_id");
            found.put(
                    id,
                    new Person(id, p.getString("name") == null ? id : p.getString("name"), p.getString("language")));
        }
        return found;
    }
}
