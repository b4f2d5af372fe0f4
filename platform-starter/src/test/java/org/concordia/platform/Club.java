package org.concordia.platform;

import java.time.Instant;
import java.util.List;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test aggregate whose changes are announced as organization events. */
@Document("clubs")
public class Club {

    @Id
    private String id;

    @Version
    private Long version;

    private String name;

    private String city;

    public Club(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public String getCity() {
        return city;
    }

    public OrganizationRegistered registered() {
        return new OrganizationRegistered(
                id, name, null, "ngo", "BG", "Plovdiv", null, List.of("bg"), null, null, Instant.now());
    }

    public OrganizationUpdated rename(String newName) {
        this.name = newName;
        return new OrganizationUpdated(
                id,
                name,
                null,
                "ngo",
                "BG",
                "Plovdiv",
                null,
                List.of("bg"),
                null,
                null,
                version == null ? 1 : version + 1,
                Instant.now());
    }

    public void moveTo(String city) {
        this.city = city;
    }
}
