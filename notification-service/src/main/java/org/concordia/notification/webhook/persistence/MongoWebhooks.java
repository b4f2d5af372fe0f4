package org.concordia.notification.webhook.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.concordia.notification.webhook.Webhook;
import org.concordia.notification.webhook.Webhooks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** One document per organization; failures are counted with {@code $inc}, disabling is conditional on the count. */
@Repository
class MongoWebhooks implements Webhooks {

    private final MongoCollection<Document> webhooks;

    MongoWebhooks(MongoTemplate mongo) {
        webhooks = mongo.getCollection("webhooks");
    }

    @Override
    public Optional<Webhook> find(String organizationId) {
        return Optional.ofNullable(
                        webhooks.find(Filters.eq("_id", organizationId)).first())
                .map(MongoWebhooks::webhook);
    }

    @Override
    public List<Webhook> enabled(Collection<String> organizationIds) {
        List<Webhook> enabled = new ArrayList<>();
        for (Document d : webhooks.find(Filters.in("_id", organizationIds))) {
            Webhook webhook = webhook(d);
            if (webhook.enabled()) {
                enabled.add(webhook);
            }
        }
        return enabled;
    }

    @Override
    public void save(Webhook w) {
        webhooks.replaceOne(
                Filters.eq("_id", w.organizationId()),
                new Document("_id", w.organizationId())
                        .append("url", w.url())
                        .append("secret", w.secret())
                        .append("enabled", w.enabled())
                        .append("consecutiveFailures", w.consecutiveFailures())
                        .append("disabledReason", w.disabledReason())
                        .append("createdAt", Date.from(w.createdAt()))
                        .append("version", w.version()),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean remove(String organizationId) {
        return webhooks.deleteOne(Filters.eq("_id", organizationId)).getDeletedCount() > 0;
    }

    @Override
    public void failed(String organizationId, String error, int limit) {
        // by _id only, deciding on what the counting returned: another filter would scan every webhook
        Document counted = webhooks.findOneAndUpdate(
                Filters.eq("_id", organizationId),
                Updates.combine(Updates.inc("consecutiveFailures", 1), Updates.set("lastError", error)),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        if (counted == null
                || !counted.getBoolean("enabled", false)
                || counted.getInteger("consecutiveFailures", 0) < limit) {
            return;
        }
        webhooks.updateOne(
                Filters.eq("_id", organizationId),
                Updates.combine(
                        Updates.set("enabled", false),
                        Updates.set("disabledReason", limit + " failed deliveries in a row; the last: " + error)));
    }

    @Override
    public void succeeded(String organizationId) {
        webhooks.updateOne(Filters.eq("_id", organizationId), Updates.set("consecutiveFailures", 0));
    }

    private static Webhook webhook(Document d) {
        return new Webhook(
                d.getString("_id"),
                d.getString("url"),
                d.getString("secret"),
                d.getBoolean("enabled", false),
                d.getInteger("consecutiveFailures", 0),
                d.getString("disabledReason"),
                d.getDate("createdAt").toInstant(),
                d.get("version", Number.class).longValue());
    }
}
