package org.concordia.organization.common.persistence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Declares the indexes a collection needs on real MongoDB. The embedded store enforces the unique ones and ignores
 * the rest, which is why uniqueness is never left to a secondary, non-unique index.
 */
public final class Indexes {

    private Indexes() {}

    /** Finds aggregates with events still to publish without scanning (ADR 1). */
    public static void declareOutbox(MongoTemplate mongo, Class<?> document) {
        mongo.indexOps(document)
                .createIndex(
                        new Index().on("_outbox.0", Sort.Direction.ASC).sparse().named("outbox_pending"));
    }

    public static void declare(MongoTemplate mongo, Class<?> document, Index index) {
        mongo.indexOps(document).createIndex(index);
    }
}
