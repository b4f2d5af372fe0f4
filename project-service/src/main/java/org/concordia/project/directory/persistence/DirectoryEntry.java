package org.concordia.project.directory.persistence;

import java.time.Instant;
import org.concordia.project.directory.KnownOrganization;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One organization of the read model. Written field by field with upserts, never as a whole. */
@Document(DirectoryEntry.COLLECTION)
class DirectoryEntry {

    static final String COLLECTION = "organizations";

    @Id
    String id;

    String name;
    String shortName;
    String kind;
    String country;
    String city;
    String parentId;
    boolean archived;
    Instant archivedAt;
    /** The organization's version in the last applied registration (0) or update; absent if only its archival is known. */
    Long version;

    Instant lastEventAt;

    KnownOrganization toKnown() {
        return new KnownOrganization(
                id, name, shortName, kind, country, city, parentId, archived, version, lastEventAt);
    }
}
