package org.concordia.organization.organization.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.concordia.organization.common.model.Text;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;

/**
 * What an organization says about itself. Normalized on construction: texts trimmed, the country upper-case,
 * language tags canonical and without repetition, most used first.
 */
public record OrganizationDetails(
        String name,
        String shortName,
        OrganizationKind kind,
        String country,
        String city,
        String website,
        List<String> languages,
        String description) {

    public static final int NAME_MAX = 200,
            SHORT_NAME_MAX = 50,
            CITY_MAX = 100,
            WEBSITE_MAX = 2048,
            DESCRIPTION_MAX = 4000,
            LANGUAGES_MAX = 20;

    public OrganizationDetails {
        name = Text.required(name, "name", NAME_MAX);
        shortName = Text.optional(shortName, "shortName", SHORT_NAME_MAX);
        if (kind == null) {
            throw new RuleViolationException("kind is required", "kind");
        }
        country = country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (!StandardCodes.isCountry(country)) {
            throw new RuleViolationException("country must be an ISO 3166-1 alpha-2 code", "country");
        }
        city = Text.required(city, "city", CITY_MAX);
        website = Text.optional(website, "website", WEBSITE_MAX);
        if (website != null && !StandardCodes.isWebsite(website)) {
            throw new RuleViolationException("website must be an http or https address", "website");
        }
        languages = languages(languages);
        description = Text.optional(description, "description", DESCRIPTION_MAX);
    }

    private static List<String> languages(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new RuleViolationException("at least one working language is required", "languages");
        }
        if (tags.size() > LANGUAGES_MAX) {
            throw new RuleViolationException("at most " + LANGUAGES_MAX + " languages", "languages");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? null : tags.get(i).strip();
            if (!StandardCodes.isLanguage(tag)) {
                throw new RuleViolationException(
                        "languages[" + i + "] must be a BCP 47 language tag such as bg or pt-BR",
                        "languages[" + i + "]");
            }
            normalized.add(StandardCodes.normalizeLanguage(tag));
        }
        return List.copyOf(new ArrayList<>(normalized));
    }
}
