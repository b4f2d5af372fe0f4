package org.concordia.organization.organization.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.platform.web.CountryCode;
import org.concordia.platform.web.LanguageTag;
import org.concordia.platform.web.WebsiteUrl;

/** An organization as registered (POST) or replaced (PUT). */
@Schema(description = "An organization's details; on PUT, the whole new state (an absent parentId makes it a root)")
record OrganizationRequest(
        @Schema(
                description = "Official name, in the organization's own language and script",
                example = "Регионална Асоциация на Общини “Тракия”")
        @NotBlank
        @Size(max = OrganizationDetails.NAME_MAX)
        String name,

        @Schema(description = "Abbreviation the organization uses for itself", example = "РАО “Тракия”")
        @Size(max = OrganizationDetails.SHORT_NAME_MAX)
        String shortName,

        @Schema(example = "association_of_municipalities") @NotNull
        OrganizationKind kind,

        @Schema(description = "ISO 3166-1 alpha-2 code", example = "BG") @NotNull @CountryCode
        String country,

        @Schema(description = "Seat, in the organization's own language", example = "Пловдив")
        @NotBlank
        @Size(max = OrganizationDetails.CITY_MAX)
        String city,

        @Schema(example = "https://www.raotrakia.eu") @Size(max = OrganizationDetails.WEBSITE_MAX) @WebsiteUrl
        String website,

        @Schema(description = "Working languages, BCP 47, most used first", example = "[\"bg\", \"en\"]")
        @NotNull
        @Size(min = 1, max = OrganizationDetails.LANGUAGES_MAX)
        List<@NotNull @LanguageTag String> languages,

        @Size(max = OrganizationDetails.DESCRIPTION_MAX) String description,

        @Schema(description = "Id of the organization this one is a chapter or representation of") @Size(max = 64)
        String parentId) {

    OrganizationDetails details() {
        return new OrganizationDetails(name, shortName, kind, country, city, website, languages, description);
    }
}
