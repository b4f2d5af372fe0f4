package org.concordia.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.function.Consumer;
import org.bson.Document;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * A minimal service on the platform starter: it writes {@link Club} aggregates and consumes the organization events
 * they cause, counting each handled event in {@code effects} so tests can see whether an effect happened once.
 */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String POISON = "poison";
    /** Clubs whose name starts with this fail while the {@code outage} collection has a document. */
    public static final String FLAKY = "flaky";

    @Bean
    Consumer<Message<byte[]>> countClubs(
            IdempotentConsumers consumers, MongoTemplate mongo, ObjectProvider<Tracer> tracing) {
        return consumers.consumer(
                "countClubs",
                EventHandlers.create()
                        .onWithMetadata(OrganizationRegistered.class, (event, metadata) -> {
                            if (event.name().startsWith(POISON)) {
                                mongo.getCollection("attempts")
                                        .updateOne(
                                                new Document("_id", event.organizationId()),
                                                new Document("$inc", new Document("count", 1)),
                                                new com.mongodb.client.model.UpdateOptions().upsert(true));
                                throw new IllegalStateException("cannot handle " + event.name());
                            }
                            if (event.name().startsWith(FLAKY)
                                    && mongo.getCollection("outage").countDocuments() > 0) {
                                throw new IllegalStateException("downstream unavailable for " + event.name());
                            }
                            record(mongo, event.organizationId(), event.name(), tracing);
                        })
                        .onWithMetadata(
                                OrganizationUpdated.class,
                                (event, metadata) -> record(mongo, event.organizationId(), event.name(), tracing)));
    }

    /** How many times the test consumer's effect happened for the aggregate, or its poison handler was tried. */
    public static int count(MongoTemplate mongo, String collection, String aggregateId) {
        Document counter = mongo.getCollection(collection)
                .find(new Document("_id", aggregateId))
                .first();
        return counter == null ? 0 : counter.getInteger("count");
    }

    /** Counts the effect, with the trace the handler ran in (tests that trace read it). */
    private static void record(MongoTemplate mongo, String aggregateId, String name, ObjectProvider<Tracer> tracing) {
        Tracer tracer = tracing.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        Document pushed = new Document("names", name)
                .append("traces", span == null ? "none" : span.context().traceId());
        mongo.getCollection("effects")
                .updateOne(
                        new Document("_id", aggregateId),
                        new Document("$inc", new Document("count", 1)).append("$push", pushed),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
}
