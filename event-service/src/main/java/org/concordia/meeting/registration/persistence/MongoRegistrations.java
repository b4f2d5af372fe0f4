package org.concordia.meeting.registration.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                .on("occasion", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("ticket", Sort.Direction.ASC)
                .named("waitlist"));
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
    public List<Registration> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), RegistrationDocument.class).stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public List<Registration> waitlisted(String occasionKey, int limit) {
        return mongo
                .find(waitlistOf(occasionKey).with(Sort.by("ticket", "_id")).limit(limit), RegistrationDocument.class)
                .stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public long waitlistedBefore(String occasionKey, long ticket) {
        return mongo.count(
                Query.query(Criteria.where("occasion")
                        .is(occasionKey)
                        .and("status")
                        .is(RegistrationStatus.WAITLISTED.name())
                        .and("ticket")
                        .lt(ticket)),
                RegistrationDocument.class);
    }

    @Override
    public Set<String> waitlistedOccasions(String meetingId) {
        return Set.copyOf(mongo.findDistinct(
                Query.query(Criteria.where("meetingId")
                        .is(meetingId)
                        .and("status")
                        .is(RegistrationStatus.WAITLISTED.name())),
                "occasion",
                RegistrationDocument.class,
                String.class));
    }

    @Override
    public List<Registration> ofMeeting(
            String meetingId, Integer occurrence, RegistrationStatus status, int offset, int limit) {
        return mongo
                .find(
                        ofMeeting(meetingId, occurrence, status)
                                .with(Sort.by("occurrence", "ticket", "_id"))
                                .skip(offset)
                                .limit(limit),
                        RegistrationDocument.class)
                .stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public long countOfMeeting(String meetingId, Integer occurrence, RegistrationStatus status) {
        return mongo.count(ofMeeting(meetingId, occurrence, status), RegistrationDocument.class);
    }

    @Override
    public List<Registration> ofPerson(String personId, int limit) {
        return mongo
                .find(Query.query(Criteria.where("personId").is(personId)).limit(limit), RegistrationDocument.class)
                .stream()
                .map(RegistrationDocument::toModel)
                .toList();
    }

    @Override
    public List<Seat> confirmedAt(Collection<String> meetingIds, int limit) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(
                Criteria.where("meetingId").in(meetingIds).and("status").is(RegistrationStatus.CONFIRMED.name()));
        query.fields().include("personId", "meetingId", "occurrence");
        query.limit(limit);
        List<Seat> seats = new ArrayList<>();
        for (RegistrationDocument d : mongo.find(query, RegistrationDocument.class)) {
            seats.add(new Seat(d.personId, d.meetingId, d.occurrence));
        }
        return seats;
    }

    private static Query waitlistOf(String occasionKey) {
        return Query.query(
                Criteria.where("occasion").is(occasionKey).and("status").is(RegistrationStatus.WAITLISTED.name()));
    }

    private static Query ofMeeting(String meetingId, Integer occurrence, RegistrationStatus status) {
        Criteria criteria = Criteria.where("meetingId").is(meetingId);
        if (occurrence != null) {
            criteria = criteria.and("occurrence").is(occurrence);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return Query.query(criteria);
    }
}
