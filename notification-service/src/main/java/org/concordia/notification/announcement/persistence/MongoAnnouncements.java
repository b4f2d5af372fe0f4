package org.concordia.notification.announcement.persistence;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Announcements;
import org.concordia.notification.announcement.model.Status;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Announcements in MongoDB, written only through the {@link AggregateStore} so that their events go with them. The
 * sender's lease ({@code _lease}: owner and until) is bookkeeping beside the state, like the outbox: claiming it
 * never changes the version.
 */
@Repository
class MongoAnnouncements implements Announcements, InitializingBean {

    private static final String LEASE = "_lease";

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoAnnouncements(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /** What real MongoDB needs for the sender's query and an organization's list; the embedded store scans. */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(AnnouncementDocument.class);
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("sendAt", Sort.Direction.ASC)
                .named("due"));
        indexes.createIndex(new Index()
                .on("organizationId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC)
                .named("by_organization"));
    }

    @Override
    public Optional<Announcement> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, AnnouncementDocument.class))
                .map(AnnouncementDocument::toModel);
    }

    @Override
    public Announcement add(Announcement announcement) {
        return store.insert(AnnouncementDocument.of(announcement), announcement.pullEvents())
                .toModel();
    }

    @Override
    public Announcement update(Announcement announcement) {
        return store.update(AnnouncementDocument.of(announcement), announcement.pullEvents())
                .toModel();
    }

    @Override
    public java.util.List<Announcement> ofOrganization(String organizationId, int offset, int limit) {
        return mongo
                .find(
                        Query.query(Criteria.where("organizationId").is(organizationId))
                                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                                .skip(offset)
                                .limit(limit),
                        AnnouncementDocument.class)
                .stream()
                .map(AnnouncementDocument::toModel)
                .toList();
    }

    @Override
    public long countOfOrganization(String organizationId) {
        return mongo.count(
                Query.query(Criteria.where("organizationId").is(organizationId)), AnnouncementDocument.class);
    }

    @Override
    public Optional<String> claimDue(Instant now, Duration lease, String owner) {
        Date at = Date.from(now);
        Document claimed = mongo.getCollection(AnnouncementDocument.COLLECTION)
                .findOneAndUpdate(
                        new Document("status", Status.SCHEDULED.code())
                                .append("sendAt", new Document("$lte", at))
                                .append(
                                        "$or",
                                        java.util.List.of(
                                                new Document(LEASE, new Document("$exists", false)),
                                                new Document(LEASE + ".until", new Document("$lt", at)))),
                        new Document(
                                "$set",
                                new Document(
                                        LEASE,
                                        new Document("owner", owner).append("until", Date.from(now.plus(lease))))),
                        new FindOneAndUpdateOptions()
                                .sort(Sorts.ascending("sendAt"))
                                .projection(new Document("_id", 1))
                                .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(d -> d.getString("_id"));
    }
}
