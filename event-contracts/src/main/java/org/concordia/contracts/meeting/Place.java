package org.concordia.contracts.meeting;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an in-person or hybrid meeting takes place.
 *
 * @param name Name of the venue, in the local language.
 * @param address Street address, in the local language.
 * @param country ISO 3166-1 alpha-2 code.
 */
public record Place(String name, @Nullable String address, String city, String country) {

    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
    }
}
