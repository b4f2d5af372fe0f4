package org.concordia.organization.common.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Declares the indexes a collection needs on real MongoDB. The embedded store enforces the unique ones and ignores
 * the rest, which is why uniqueness is never left to a secondary, non-unique index. The outbox index is the platform
 * starter's (ADR 1).
 */
public final class Indexes {

    private Indexes() {}

    public static void declare(MongoTemplate mongo, Class<?> document, Index index) {
        mongo.indexOps(document).createIndex(index);
    }
}
