package org.concordia.organization.organization.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.platform.web.CountryCode;
import org.concordia.platform.web.LanguageTag;
import org.concordia.platform.web.WebsiteUrl;

/**
 * A partial change: the fields present (and not null) replace the current ones, the others stay. Clearing an optional
 * field, or detaching a chapter from its parent, is a PUT.
 */
@Schema(description = "Fields to change; absent or null fields stay as they are")
record OrganizationPatch(
        @Size(max = OrganizationDetails.NAME_MAX) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,

        @Size(max = OrganizationDetails.SHORT_NAME_MAX) String shortName,
        OrganizationKind kind,
        @CountryCode String country,

        @Size(max = OrganizationDetails.CITY_MAX) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String city,

        @Size(max = OrganizationDetails.WEBSITE_MAX) @WebsiteUrl
        String website,

        @Size(min = 1, max = OrganizationDetails.LANGUAGES_MAX)
        List<@NotNull @LanguageTag String> languages,

        @Size(max = OrganizationDetails.DESCRIPTION_MAX) String description,
        @Size(max = 64) String parentId) {

    static final String NOT_BLANK = "(?s).*\\S.*";

    OrganizationDetails applyTo(OrganizationDetails current) {
        return new OrganizationDetails(
                name != null ? name : current.name(),
                shortName != null ? shortName : current.shortName(),
                kind != null ? kind : current.kind(),
                country != null ? country : current.country(),
                city != null ? city : current.city(),
                website != null ? website : current.website(),
                languages != null ? languages : current.languages(),
                description != null ? description : current.description());
    }

    String parentIdFor(Organization current) {
        return parentId != null ? parentId : current.parentId();
    }
}
