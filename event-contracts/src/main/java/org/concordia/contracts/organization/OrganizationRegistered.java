package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A new organization, or a chapter or representation of one, was registered.
 *
 * @param name Official name, in the organization's own language and script.
 * @param shortName Abbreviation the organization uses for itself.
 * @param kind What sort of organization this is. Known values, an open set: international_movement,
 *    coordination_centre, chapter, representation, association_of_municipalities, municipality, ngo,
 *    network, other.
 * @param country ISO 3166-1 alpha-2 code.
 * @param city Seat of the organization, in its own language.
 * @param languages Working languages, ISO 639-1 codes, most used first.
 * @param parentId Id of the parent organization when this one is a chapter or representation of it.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record OrganizationRegistered(
        String organizationId,
        String name,
        @Nullable String shortName,
        String kind,
        String country,
        String city,
        @Nullable String website,
        List<String> languages,
        @Nullable String description,
        @Nullable String parentId,
        Instant occurredAt)
        implements DomainEvent {

    public OrganizationRegistered {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(city, "city");
        languages = languages == null ? List.of() : List.copyOf(languages);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return organizationId;
    }
}
