package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * An organization's details changed; carries the whole new state.
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
 * @param version Version of the aggregate after this change; a consumer that already holds a higher
 *    version ignores the event.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record OrganizationUpdated(
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
        long version,
        Instant occurredAt)
        implements DomainEvent {

    public OrganizationUpdated {
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
