package org.concordia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The annotations request records use, with the messages clients see. */
class StandardCodeAnnotationsTest {

    record Contact(
            @CountryCode String country,
            @CurrencyCode String currency,
            @LanguageTag String language,
            @TimeZoneId String timeZone,
            @EmailAddress String email,
            @WebsiteUrl String website) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void absent_values_are_left_to_not_null() {
        assertThat(violations(new Contact(null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void codes_are_accepted_in_any_case_and_with_surrounding_blanks() {
        assertThat(violations(new Contact(
                        " bg ", "pln", " pt-BR ", "Europe/Sofia", " anna@example.org ", " https://example.org ")))
                .isEmpty();
    }

    @Test
    void a_blank_website_is_no_website() {
        assertThat(violations(new Contact(null, null, null, null, null, " "))).isEmpty();
    }

    @Test
    void each_wrong_value_is_named_with_what_it_must_be() {
        assertThat(violations(new Contact("EU", "EURO", "english", "+02:00", "anna@localhost", "ftp://example.org")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "country", "must be an ISO 3166-1 alpha-2 country code such as BG or PL",
                        "currency", "must be an ISO 4217 currency code such as EUR or PLN",
                        "language", "must be a BCP 47 language tag such as bg, pl or pt-BR",
                        "timeZone", "must be an IANA time zone such as Europe/Sofia",
                        "email", "must be an e-mail address such as name@example.org",
                        "website", "must be an http or https address"));
    }

    @Test
    void a_time_zone_is_taken_as_written() {
        assertThat(violations(new Contact(null, null, null, " Europe/Sofia", null, null)))
                .containsOnlyKeys("timeZone");
    }

    private static Map<String, String> violations(Contact contact) {
        return validator.validate(contact).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }
}
