package org.concordia.organization.partnership.persistence;

import java.util.List;
import java.util.Optional;
import org.concordia.organization.common.persistence.Indexes;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.organization.partnership.model.Partnerships;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoPartnerships implements Partnerships, InitializingBean {

    static final String UNIQUE_RUNNING = "one_running_partnership";
    private static final Sort ORDER = Sort.by("since", "_id");

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoPartnerships(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Indexes.declare(
                mongo,
                PartnershipDocument.class,
                new Index()
                        .on("runningKey", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named(UNIQUE_RUNNING));
        Indexes.declare(
                mongo,
                PartnershipDocument.class,
                new Index()
                        .on("parties", Sort.Direction.ASC)
                        .on("since", Sort.Direction.ASC)
                        .named("of_organization"));
    }

    @Override
    public Optional<Partnership> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, PartnershipDocument.class))
                .map(PartnershipDocument::toModel);
    }

    @Override
    public Partnership add(Partnership partnership) {
        return store.insert(PartnershipDocument.of(partnership), partnership.pullEvents())
                .toModel();
    }

    @Override
    public Partnership update(Partnership partnership) {
        return store.update(PartnershipDocument.of(partnership), partnership.pullEvents())
                .toModel();
    }

    @Override
    public List<Partnership> of(String organizationId, boolean includeEnded, int offset, int limit) {
        return mongo
                .find(
                        query(organizationId, includeEnded)
                                .with(ORDER)
                                .skip(offset)
                                .limit(limit),
                        PartnershipDocument.class)
                .stream()
                .map(PartnershipDocument::toModel)
                .toList();
    }

    @Override
    public long countOf(String organizationId, boolean includeEnded) {
        return mongo.count(query(organizationId, includeEnded), PartnershipDocument.class);
    }

    private static Query query(String organizationId, boolean includeEnded) {
        Criteria criteria = Criteria.where("parties").is(organizationId);
        if (!includeEnded) {
            criteria = criteria.and("running").is(true);
        }
        return Query.query(criteria);
    }
}
