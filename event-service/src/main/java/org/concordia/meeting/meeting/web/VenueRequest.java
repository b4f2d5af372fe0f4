package org.concordia.meeting.meeting.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.model.Venue;
import org.concordia.platform.domain.StandardCodes;
import org.concordia.platform.web.CountryCode;
import org.jspecify.annotations.Nullable;

record VenueRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String name,

        @Nullable @Size(max = 300) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String address,

        @NotBlank @Size(max = 100) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String city,

        @NotBlank @CountryCode String country) {

    Venue toModel() {
        return new Venue(
                name.strip(),
                address == null || address.isBlank() ? null : address.strip(),
                city.strip(),
                StandardCodes.normalized(country));
    }

    static @Nullable VenueRequest of(@Nullable Venue venue) {
        return venue == null ? null : new VenueRequest(venue.name(), venue.address(), venue.city(), venue.country());
    }
}
