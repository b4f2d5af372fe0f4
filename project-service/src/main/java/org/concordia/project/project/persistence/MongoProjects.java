package org.concordia.project.project.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.project.project.model.Project;
import org.concordia.project.project.model.ProjectSearch;
import org.concordia.project.project.model.ProjectStatus;
import org.concordia.project.project.model.Projects;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Projects in MongoDB, written only through the {@link AggregateStore} so that their events go with them. */
@Repository
class MongoProjects implements Projects, InitializingBean {

    private static final Sort ORDER = Sort.by("titleKey", "_id");
    private static final List<String> OPEN = List.of(ProjectStatus.DRAFT.code(), ProjectStatus.ACTIVE.code());

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoProjects(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /**
     * The indexes real MongoDB needs; the embedded store ignores the non-unique ones and scans. The outbox index is
     * the platform starter's (ADR 1).
     */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ProjectDocument.class);
        indexes.createIndex(new Index()
                .on("titleKey", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC)
                .named("by_title"));
        indexes.createIndex(new Index()
                .on("participantIds", Sort.Direction.ASC)
                .on("titleKey", Sort.Direction.ASC)
                .named("by_participant"));
        indexes.createIndex(new Index()
                .on("countries", Sort.Direction.ASC)
                .on("titleKey", Sort.Direction.ASC)
                .named("by_country"));
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("titleKey", Sort.Direction.ASC)
                .named("by_status"));
        indexes.createIndex(new Index().on("invitedIds", Sort.Direction.ASC).named("pending_invitations"));
        indexes.createIndex(
                new Index().on("partners.organizationId", Sort.Direction.ASC).named("by_partner"));
    }

    @Override
    public Optional<Project> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, ProjectDocument.class)).map(ProjectDocument::toModel);
    }

    @Override
    public Project add(Project project) {
        ProjectDocument document = ProjectDocument.of(project);
        return store.insert(document, project.pullEvents()).toModel();
    }

    @Override
    public Project update(Project project) {
        ProjectDocument document = ProjectDocument.of(project);
        return store.update(document, project.pullEvents()).toModel();
    }

    @Override
    public List<Project> search(ProjectSearch search, int offset, int limit) {
        Query query = query(search).with(ORDER).skip(offset).limit(limit);
        return mongo.find(query, ProjectDocument.class).stream()
                .map(ProjectDocument::toModel)
                .toList();
    }

    @Override
    public long count(ProjectSearch search) {
        return mongo.count(query(search), ProjectDocument.class);
    }

    @Override
    public List<String> openWithPendingInvitationOf(String organizationId) {
        return ids(Query.query(
                Criteria.where("invitedIds").is(organizationId).and("status").in(OPEN)));
    }

    @Override
    public List<String> openNaming(String organizationId) {
        return ids(Query.query(new Criteria()
                .andOperator(
                        Criteria.where("status").in(OPEN),
                        new Criteria()
                                .orOperator(
                                        Criteria.where("leadOrganizationId").is(organizationId),
                                        Criteria.where("partners.organizationId")
                                                .is(organizationId)))));
    }

    private List<String> ids(Query query) {
        query.fields().include("_id");
        return mongo.find(query.with(Sort.by("_id")), ProjectDocument.class).stream()
                .map(d -> d.id)
                .toList();
    }

    private static Query query(ProjectSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.organizationId() != null) {
            criteria.add(Criteria.where("participantIds").is(search.organizationId()));
        }
        if (search.country() != null) {
            criteria.add(Criteria.where("countries").is(search.country()));
        }
        if (search.status() != null) {
            criteria.add(Criteria.where("status").is(search.status().code()));
        }
        return criteria.isEmpty()
                ? new Query()
                : Query.query(new Criteria().andOperator(criteria.toArray(new Criteria[0])));
    }
}
