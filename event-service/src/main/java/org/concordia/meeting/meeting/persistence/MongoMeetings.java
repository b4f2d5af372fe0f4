package org.concordia.meeting.meeting.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoMeetings implements Meetings, InitializingBean {

    private static final Sort ORDER = Sort.by("start", "_id");

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoMeetings(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(MeetingDocument.class);
        indexes.createIndex(
                new Index().on("_outbox.0", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index()
                .on("organizationId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC)
                .named("of_organization"));
        indexes.createIndex(new Index().on("start", Sort.Direction.ASC).named("by_start"));
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC)
                .on("lastEnd", Sort.Direction.ASC)
                .named("overlapping"));
        indexes.createIndex(
                new Index().on("targets.personId", Sort.Direction.ASC).named("inviting_person"));
        indexes.createIndex(
                new Index().on("targets.organizationId", Sort.Direction.ASC).named("inviting_organization"));
        indexes.createIndex(
                new Index().on("targets.projectId", Sort.Direction.ASC).named("inviting_project"));
        indexes.createIndex(
                new Index().on("organizer.personId", Sort.Direction.ASC).named("of_organizer"));
    }

    @Override
    public Optional<Meeting> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, MeetingDocument.class)).map(MeetingDocument::toModel);
    }

    @Override
    public List<Meeting> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), MeetingDocument.class).stream()
                .map(MeetingDocument::toModel)
                .toList();
    }

    @Override
    public List<Meeting> overlapping(Instant from, Instant to, int limit) {
        Criteria endsAfter = new Criteria()
                .orOperator(
                        Criteria.where("lastEnd").gt(from),
                        new Criteria()
                                .andOperator(
                                        Criteria.where("lastEnd").exists(false),
                                        Criteria.where("end").gt(from)));
        Query query = Query.query(new Criteria()
                        .andOperator(
                                Criteria.where("status").is(MeetingStatus.SCHEDULED.name()),
                                Criteria.where("start").lt(to),
                                endsAfter))
                .limit(limit);
        return mongo.find(query, MeetingDocument.class).stream()
                .map(MeetingDocument::toModel)
                .toList();
    }

    @Override
    public List<Meeting> concerning(
            String personId, Collection<String> organizationIds, Collection<String> projectIds, int limit) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("organizer.personId").is(personId));
        any.add(Criteria.where("targets.personId").is(personId));
        if (!organizationIds.isEmpty()) {
            any.add(Criteria.where("targets.organizationId").in(organizationIds));
        }
        if (!projectIds.isEmpty()) {
            any.add(Criteria.where("targets.projectId").in(projectIds));
            any.add(Criteria.where("projectId").in(projectIds));
        }
        Query query = Query.query(new Criteria().orOperator(any.toArray(new Criteria[0])))
                .with(Sort.by(Sort.Direction.DESC, "start"))
                .limit(limit);
        return mongo.find(query, MeetingDocument.class).stream()
                .map(MeetingDocument::toModel)
                .toList();
    }

    @Override
    public Meeting add(Meeting meeting) {
        return store.insert(MeetingDocument.of(meeting), meeting.pullEvents()).toModel();
    }

    @Override
    public Meeting update(Meeting meeting) {
        return store.update(MeetingDocument.of(meeting), meeting.pullEvents()).toModel();
    }

    @Override
    public List<Meeting> find(String organizationId, MeetingStatus status, Instant from, int offset, int limit) {
        return mongo
                .find(
                        query(organizationId, status, from)
                                .with(ORDER)
                                .skip(offset)
                                .limit(limit),
                        MeetingDocument.class)
                .stream()
                .map(MeetingDocument::toModel)
                .toList();
    }

    @Override
    public long count(String organizationId, MeetingStatus status, Instant from) {
        return mongo.count(query(organizationId, status, from), MeetingDocument.class);
    }

    private static Query query(String organizationId, MeetingStatus status, Instant from) {
        List<Criteria> criteria = new ArrayList<>();
        if (organizationId != null) {
            criteria.add(Criteria.where("organizationId").is(organizationId));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status.name()));
        }
        if (from != null) {
            criteria.add(Criteria.where("start").gte(from));
        }
        return criteria.isEmpty()
                ? new Query()
                : Query.query(new Criteria().andOperator(criteria.toArray(new Criteria[0])));
    }
}
