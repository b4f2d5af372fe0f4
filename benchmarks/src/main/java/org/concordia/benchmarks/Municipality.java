package org.concordia.benchmarks;

import java.time.Instant;
import java.util.List;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The aggregate the benchmark writes: a municipality joining a network, announced by one event when it joins and one
 * more each time it is renamed. */
@Document("municipalities")
class Municipality {

    @Id
    private String id;

    @Version
    private Long version;

    private String name;

    private String description;

    Municipality(String id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }

    String id() {
        return id;
    }

    /** Renames it, announced by the event returned. */
    OrganizationUpdated rename(String newName) {
        this.name = newName;
        return new OrganizationUpdated(
                id,
                name,
                null,
                "municipality",
                "BG",
                "Пловдив",
                null,
                List.of("bg", "en"),
                description,
                null,
                version == null ? 1 : version + 1,
                Instant.now());
    }

    OrganizationRegistered registered() {
        return new OrganizationRegistered(
                id,
                name,
                null,
                "municipality",
                "BG",
                "Пловдив",
                null,
                List.of("bg", "en"),
                description,
                null,
                Instant.now());
    }
}
