package org.concordia.organization.membership.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.concordia.organization.common.persistence.Indexes;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Memberships;
import org.concordia.organization.membership.model.Role;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoMemberships implements Memberships, InitializingBean {

    static final String UNIQUE_ACTIVE = "one_active_membership";
    private static final Sort ORDER = Sort.by("joinedAt", "_id");

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoMemberships(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Indexes.declare(
                mongo,
                MembershipDocument.class,
                new Index()
                        .on("activeKey", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named(UNIQUE_ACTIVE));
        Indexes.declare(
                mongo,
                MembershipDocument.class,
                new Index()
                        .on("organizationId", Sort.Direction.ASC)
                        .on("joinedAt", Sort.Direction.ASC)
                        .named("of_organization"));
        Indexes.declare(
                mongo,
                MembershipDocument.class,
                new Index()
                        .on("personId", Sort.Direction.ASC)
                        .on("joinedAt", Sort.Direction.ASC)
                        .named("of_person"));
    }

    @Override
    public Optional<Membership> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, MembershipDocument.class)).map(MembershipDocument::toModel);
    }

    @Override
    public Membership add(Membership membership) {
        return store.insert(MembershipDocument.of(membership), membership.pullEvents())
                .toModel();
    }

    @Override
    public Membership update(Membership membership) {
        return store.update(MembershipDocument.of(membership), membership.pullEvents())
                .toModel();
    }

    @Override
    public List<Membership> ofOrganization(
            String organizationId, Role role, boolean includeFormer, int offset, int limit) {
        return find(ofOrganization(organizationId, role, includeFormer), offset, limit);
    }

    @Override
    public long countOfOrganization(String organizationId, Role role, boolean includeFormer) {
        return mongo.count(ofOrganization(organizationId, role, includeFormer), MembershipDocument.class);
    }

    @Override
    public List<Membership> ofPerson(String personId, boolean includeFormer, int offset, int limit) {
        return find(query("personId", personId, null, includeFormer), offset, limit);
    }

    @Override
    public long countOfPerson(String personId, boolean includeFormer) {
        return mongo.count(query("personId", personId, null, includeFormer), MembershipDocument.class);
    }

    @Override
    public List<Membership> activeOfPeople(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("personId").in(personIds),
                        Criteria.where("active").is(true)));
        return mongo.find(query, MembershipDocument.class).stream()
                .map(MembershipDocument::toModel)
                .toList();
    }

    private List<Membership> find(Query query, int offset, int limit) {
        return mongo.find(query.with(ORDER).skip(offset).limit(limit), MembershipDocument.class).stream()
                .map(MembershipDocument::toModel)
                .toList();
    }

    private static Query ofOrganization(String organizationId, Role role, boolean includeFormer) {
        return query("organizationId", organizationId, role, includeFormer);
    }

    private static Query query(String field, String id, Role role, boolean includeFormer) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where(field).is(id));
        if (role != null) {
            criteria.add(Criteria.where("roles").is(role.code()));
        }
        if (!includeFormer) {
            criteria.add(Criteria.where("active").is(true));
        }
        return Query.query(new Criteria().andOperator(criteria.toArray(new Criteria[0])));
    }
}
