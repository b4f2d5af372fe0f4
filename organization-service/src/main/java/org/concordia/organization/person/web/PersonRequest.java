package org.concordia.organization.person.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.concordia.organization.person.model.PersonDetails;
import org.concordia.platform.web.EmailAddress;
import org.concordia.platform.web.LanguageTag;
import org.concordia.platform.web.TimeZoneId;

/** A person as registered (POST) or replaced (PUT). */
record PersonRequest(
        @Schema(description = "Full name as the person writes it, in their own script", example = "Мария Иванова")
        @NotBlank
        @Size(max = PersonDetails.FULL_NAME_MAX)
        String fullName,

        @Schema(description = "Unique regardless of case", example = "m.ivanova@raotrakia.example")
        @NotBlank
        @Size(max = PersonDetails.EMAIL_MAX)
        @EmailAddress
        String email,

        @Schema(description = "BCP 47 tag of the language to address the person in", example = "bg")
        @NotBlank
        @Size(max = 35)
        @LanguageTag
        String preferredLanguage,

        @Schema(description = "IANA time zone", example = "Europe/Sofia") @NotBlank @Size(max = 64) @TimeZoneId
        String timeZone) {

    PersonDetails details() {
        return new PersonDetails(fullName, email, preferredLanguage, timeZone);
    }
}
