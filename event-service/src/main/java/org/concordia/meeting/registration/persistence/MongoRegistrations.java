package org.concordia.meeting.registration.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.meeting.meeting.model.Attendance;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.meeting.registration.model.Registrations;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoRegistrations implements Registrations, Attendance, InitializingBean {

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoRegistrations(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(RegistrationDocument.class);
        indexes.createIndex(
                new Index().on("_outbox.0", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index()
                .on("meetingId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("ticket", Sort.Direction.ASC)
                .named("of_meeting"));
        indexes.createIndex(new Index()
                .on("personId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .named("of_person"));
    }

    @Override
    public Optional<Registration> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, RegistrationDocument.class))
                .map(RegistrationDocument::toModel);
    }

    @Override
    public Registration add(Registration registration) {
        return store.insert(RegistrationDocument.of(registration), registration.pullEvents())
                .toModel();
    }

    @Override
    public Registration update(Registration registration) {
        return store.update(RegistrationDocument.of(registration), registration.pullEvents())
                .toModel();
    }

    @Override
    public List<Registration> waitlisted(String meetingId, int limit) {
        return ofMeeting(meetingId, RegistrationStatus.WAITLISTED, 0, limit);
    }

    @Override
    public long waitlistedBefore(String meetingId, long ticket) {
        return mongo.count(
                Query.query(Criteria.where("meetingId")
                        .is(meetingId)
                        .and("status")
                        .is(RegistrationStatus.WAITLISTED.name())
                        .and("ticket")
                        .lt(ticket)),
                RegistrationDocument.class);
    }

    @Override
    public List<Registration> ofMeeting(String meetingId, RegistrationStatus status, int offset, int limit) {
        return mongo
                .find(
                        ofMeeting(meetingId, status)
                                .with(Sort.by("ticket", "_id"))
                                .skip(offset)
                                .limit(limit),
                        RegistrationDocument.class)
                .stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public long countOfMeeting(String meetingId, RegistrationStatus status) {
        return mongo.count(ofMeeting(meetingId, status), RegistrationDocument.class);
    }

    @Override
    public List<Registration> ofPerson(String personId, int limit) {
        return mongo
                .find(
                        Query.query(Criteria.where("personId")
                                        .is(personId)
                                        .and("status")
                                        .ne(RegistrationStatus.DECLINED.name()))
                                .limit(limit),
                        RegistrationDocument.class)
                .stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public Map<String, List<String>> confirmedMeetings(Collection<String> personIds) {
        Map<String, List<String>> meetings = new HashMap<>();
        if (personIds.isEmpty()) {
            return meetings;
        }
        Query query = Query.query(
                Criteria.where("personId").in(personIds).and("status").is(RegistrationStatus.CONFIRMED.name()));
        query.fields().include("personId", "meetingId");
        query.limit(10_000);
        for (RegistrationDocument d : mongo.find(query, RegistrationDocument.class)) {
            meetings.computeIfAbsent(d.personId, k -> new ArrayList<>()).add(d.meetingId);
        }
        return meetings;
    }

    private static Query ofMeeting(String meetingId, RegistrationStatus status) {
        Criteria criteria = Criteria.where("meetingId").is(meetingId);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return Query.query(criteria);
    }
}
