package org.concordia.organization.organization.persistence;

import java.time.Instant;
import java.util.List;
import org.concordia.organization.common.model.Text;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.platform.domain.Coded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organization as stored; its pending events live beside these fields in {@code _outbox}. */
@Document("organizations")
public class OrganizationDocument {

    @Id
    String id;

    @Version
    Long version;

    String name;
    /** Lower-case name: the list order. */
    String nameKey;
    /** Lower-case name and short name: what "name contains" searches. */
    String searchKey;

    String shortName;
    String kind;
    String country;
    String city;
    String website;
    List<String> languages;
    String description;
    String parentId;
    boolean archived;
    Instant archivedAt;
    Instant registeredAt;

    public OrganizationDocument() {}

    static OrganizationDocument of(Organization organization) {
        OrganizationDocument document = new OrganizationDocument();
        OrganizationDetails details = organization.details();
        document.id = organization.id();
        document.version = organization.version();
        document.name = details.name();
        document.nameKey = Text.key(details.name());
        document.searchKey =
                Text.key(details.shortName() == null ? details.name() : details.name() + "\n" + details.shortName());
        document.shortName = details.shortName();
        document.kind = details.kind().code();
        document.country = details.country();
        document.city = details.city();
        document.website = details.website();
        document.languages = details.languages();
        document.description = details.description();
        document.parentId = organization.parentId();
        document.archived = organization.isArchived();
        document.archivedAt = organization.archivedAt();
        document.registeredAt = organization.registeredAt();
        return document;
    }

    Organization toModel() {
        OrganizationKind organizationKind =
                Coded.fromCode(OrganizationKind.class, kind).orElse(OrganizationKind.OTHER);
        return Organization.restore(
                id,
                version,
                new OrganizationDetails(
                        name, shortName, organizationKind, country, city, website, languages, description),
                parentId,
                registeredAt,
                archivedAt);
    }
}
