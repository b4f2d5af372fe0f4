package org.concordia.platform.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB is up when the service's own database answers {@code ping}. Boot's indicator sends {@code hello} to every
 * database, which the embedded wire-protocol server does not implement; {@code ping} means the same on both.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().runCommand(new Document("ping", 1));
        Document buildInfo = mongo.getDb().runCommand(new Document("buildInfo", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("version", buildInfo.get("version"));
    }
}
