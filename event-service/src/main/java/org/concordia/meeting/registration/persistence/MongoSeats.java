package org.concordia.meeting.registration.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concordia.meeting.registration.model.Seats;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Seat counters as documents keyed {@code <meetingId>} (seats taken and tickets drawn) and
 * {@code <meetingId>|<organizationId>} (the delegation's seats taken). Each claim is one findAndModify whose filter
 * says "a seat is free", so two instances claiming at once can never take more seats than there are. With a capacity,
 * the seat and the ticket are granted in the same operation: the first tickets hold the seats.
 */
@Repository
class MongoSeats implements Seats {

    static final String COLLECTION = "seat_counters";
    private static final int MAX_DRAWS = 10;
    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoTemplate mongo;

    MongoSeats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> counters() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public long claim(String meetingId, String organizationId, Integer capacity, Integer seatsPerOrganization) {
        boolean delegation = seatsPerOrganization != null && organizationId != null;
        if (delegation && !increment(delegationKey(meetingId, organizationId), seatsPerOrganization)) {
            return -ticket(meetingId);
        }
        Bson filter = capacity == null ? eq("_id", meetingId) : and(eq("_id", meetingId), lt("confirmed", capacity));
        Document after = findAndIncrement(
                meetingId, filter, Updates.combine(Updates.inc("confirmed", 1), Updates.inc("tickets", 1L)));
        if (after == null) {
            if (delegation) {
                decrement(delegationKey(meetingId, organizationId));
            }
            return -ticket(meetingId);
        }
        return after.get("tickets", Number.class).longValue();
    }

    @Override
    public boolean claimWithoutTicket(
            String meetingId, String organizationId, Integer capacity, Integer seatsPerOrganization) {
        boolean delegation = seatsPerOrganization != null && organizationId != null;
        if (delegation && !increment(delegationKey(meetingId, organizationId), seatsPerOrganization)) {
            return false;
        }
        if (!increment(meetingId, capacity)) {
            if (delegation) {
                decrement(delegationKey(meetingId, organizationId));
            }
            return false;
        }
        return true;
    }

    @Override
    public void release(String meetingId, String organizationId, Integer seatsPerOrganization) {
        decrement(meetingId);
        if (seatsPerOrganization != null && organizationId != null) {
            decrement(delegationKey(meetingId, organizationId));
        }
    }

    @Override
    public long confirmed(String meetingId) {
        Document counter = counters().find(eq("_id", meetingId)).first();
        return counter == null ? 0 : counter.get("confirmed", Number.class).longValue();
    }

    /** Draws a ticket: the counter's next number, made sure to be nobody else's. */
    private long ticket(String meetingId) {
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            Document after = findAndIncrement(meetingId, eq("_id", meetingId), Updates.inc("tickets", 1L));
            long ticket = after.get("tickets", Number.class).longValue();
            if (taken(meetingId, ticket)) {
                return ticket;
            }
        }
        throw new IllegalStateException("No ticket for meeting " + meetingId + " after " + MAX_DRAWS + " draws");
    }

    /**
     * Records the ticket under a unique {@code _id}. MongoDB's findAndModify returns the document as its own update
     * left it; the embedded store may return it as a concurrent update left it, so two answers could read the same
     * number: the unique key lets only one of them keep it, and the other draws again.
     */
    private boolean taken(String meetingId, long ticket) {
        try {
            counters().insertOne(new Document("_id", meetingId + "#" + ticket));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    private boolean increment(String key, Integer limit) {
        Bson filter = limit == null ? eq("_id", key) : and(eq("_id", key), lt("confirmed", limit));
        return findAndIncrement(key, filter, Updates.inc("confirmed", 1)) != null;
    }

    private void decrement(String key) {
        counters()
                .updateOne(
                        and(eq("_id", key), com.mongodb.client.model.Filters.gt("confirmed", 0)),
                        Updates.inc("confirmed", -1));
    }

    /**
     * One findAndModify on the counter. When it matches nothing, the counter may not exist yet (it is created, by
     * whichever instance gets there first) or may have been created by another instance just after the attempt, so
     * the claim is tried once more on a counter that certainly exists: that answer is the true one.
     */
    private Document findAndIncrement(String key, Bson filter, Bson update) {
        Document after = counters().findOneAndUpdate(filter, update, AFTER);
        if (after != null) {
            return after;
        }
        if (counters().find(eq("_id", key)).first() == null) {
            try {
                counters()
                        .insertOne(
                                new Document("_id", key).append("confirmed", 0).append("tickets", 0L));
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        return counters().findOneAndUpdate(filter, update, AFTER);
    }

    private static String delegationKey(String meetingId, String organizationId) {
        return meetingId + "|" + organizationId;
    }
}
