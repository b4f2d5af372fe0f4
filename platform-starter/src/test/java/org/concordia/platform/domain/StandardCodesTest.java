package org.concordia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"BG", "PL", "US", "AU", "PT", "ES", "AT", "CZ", "NL", "KE"})
    void iso_3166_alpha_2_countries_are_accepted(String code) {
        assertThat(StandardCodes.isCountry(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "EU", "UK", "BGR", "bg", "B", ""})
    void other_country_codes_are_not(String code) {
        assertThat(StandardCodes.isCountry(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bg", "pl", "en", "pt-BR", "ca", "sr-Latn", "en-au", "he", "sw"})
    void bcp_47_tags_of_iso_639_languages_are_accepted(String tag) {
        assertThat(StandardCodes.isLanguage(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "english", "pl-@@", "pl_PL", " ", "qq-QQ", "123"})
    void other_language_tags_are_not(String tag) {
        assertThat(StandardCodes.isLanguage(tag)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Sofia", "Europe/Warsaw", "America/New_York", "Australia/Sydney", "UTC"})
    void iana_zones_are_accepted(String zone) {
        assertThat(StandardCodes.isTimeZone(zone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "Europe/Lublin", "europe/sofia", "GMT+2x", ""})
    void offsets_and_unknown_zones_are_not(String zone) {
        assertThat(StandardCodes.isTimeZone(zone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "m.ivanova@raotrakia.example",
                "Anna.Kowalska+ssg@example.org",
                "jordi@ajuntament.cat",
                "kontakt@zielińska.pl"
            })
    void deliverable_addresses_are_accepted(String email) {
        assertThat(StandardCodes.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna",
                "anna@",
                "@example.org",
                "anna@localhost",
                "an na@example.org",
                "a@b@example.org",
                "anna@example..org"
            })
    void malformed_addresses_are_not(String email) {
        assertThat(StandardCodes.isEmail(email)).isFalse();
    }
}
