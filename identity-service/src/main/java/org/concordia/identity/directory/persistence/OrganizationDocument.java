package org.concordia.identity.directory.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organization's place in the hierarchy, at the organization-service version it was learned at. */
@Document("organizations")
class OrganizationDocument {

    @Id
    String id;

    @Nullable
    String parentId;

    long sourceVersion;

    @Version
    @Nullable
    Long version;

    OrganizationDocument(String id) {
        this.id = id;
    }
}
