package org.concordia.organization.organization.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concordia.organization.common.model.Text;
import org.concordia.organization.common.persistence.Indexes;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationSearch;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoOrganizations implements Organizations, InitializingBean {

    private static final Sort ORDER = Sort.by("nameKey", "_id");

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoOrganizations(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Indexes.declare(
                mongo,
                OrganizationDocument.class,
                new Index()
                        .on("parentId", Sort.Direction.ASC)
                        .on("nameKey", Sort.Direction.ASC)
                        .named("chapters"));
        Indexes.declare(
                mongo,
                OrganizationDocument.class,
                new Index()
                        .on("country", Sort.Direction.ASC)
                        .on("kind", Sort.Direction.ASC)
                        .on("nameKey", Sort.Direction.ASC)
                        .named("country_kind"));
        Indexes.declare(
                mongo,
                OrganizationDocument.class,
                new Index()
                        .on("nameKey", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC)
                        .named("by_name"));
    }

    @Override
    public Optional<Organization> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganizationDocument.class))
                .map(OrganizationDocument::toModel);
    }

    @Override
    public List<Organization> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), OrganizationDocument.class).stream()
                .map(OrganizationDocument::toModel)
                .toList();
    }

    @Override
    public Organization add(Organization organization) {
        return store.insert(OrganizationDocument.of(organization), organization.pullEvents())
                .toModel();
    }

    @Override
    public Organization update(Organization organization) {
        return store.update(OrganizationDocument.of(organization), organization.pullEvents())
                .toModel();
    }

    @Override
    public List<Organization> search(OrganizationSearch search, int offset, int limit) {
        Query query = query(search).with(ORDER).skip(offset).limit(limit);
        return mongo.find(query, OrganizationDocument.class).stream()
                .map(OrganizationDocument::toModel)
                .toList();
    }

    @Override
    public long count(OrganizationSearch search) {
        return mongo.count(query(search), OrganizationDocument.class);
    }

    private static Query query(OrganizationSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.country() != null) {
            criteria.add(Criteria.where("country").is(search.country()));
        }
        if (search.kind() != null) {
            criteria.add(Criteria.where("kind").is(search.kind().code()));
        }
        if (search.parentId() != null) {
            criteria.add(Criteria.where("parentId").is(search.parentId()));
        }
        if (search.nameContains() != null && !search.nameContains().isBlank()) {
            criteria.add(Criteria.where("searchKey").regex(Pattern.quote(Text.key(search.nameContains()))));
        }
        if (!search.includeArchived()) {
            criteria.add(Criteria.where("archived").is(false));
        }
        return criteria.isEmpty()
                ? new Query()
                : Query.query(new Criteria().andOperator(criteria.toArray(new Criteria[0])));
    }
}
