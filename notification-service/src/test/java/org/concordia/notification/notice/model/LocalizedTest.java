package org.concordia.notification.notice.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTest {

    private static Localized.Version version(String language) {
        return new Localized.Version(language, Map.of("subject", language), null);
    }

    private final Localized bgPlEn =
            new Localized(List.of(version("bg"), version("pl"), version("en")), List.of("en", "bg"));

    @Test
    void a_person_gets_their_preferred_language_when_it_was_written() {
        assertThat(bgPlEn.choose("pl").version().language()).isEqualTo("pl");
        assertThat(bgPlEn.choose("pl").fallback()).isFalse();
    }

    @Test
    void a_regional_tag_matches_its_language() {
        assertThat(bgPlEn.choose("pl-PL").version().language()).isEqualTo("pl");
        assertThat(bgPlEn.choose("pl-PL").fallback()).isFalse();
    }

    @Test
    void else_the_organizations_first_language_that_was_written() {
        Localized.Choice german = bgPlEn.choose("de");
        assertThat(german.version().language()).isEqualTo("en");
        assertThat(german.fallback()).isTrue();

        Localized bgPl = new Localized(List.of(version("pl"), version("bg")), List.of("en", "bg"));
        assertThat(bgPl.choose("de").version().language()).isEqualTo("bg");
    }

    @Test
    void else_the_first_written() {
        Localized ukPl = new Localized(List.of(version("uk"), version("pl")), List.of("en"));
        Localized.Choice choice = ukPl.choose("de");
        assertThat(choice.version().language()).isEqualTo("uk");
        assertThat(choice.fallback()).isTrue();
        assertThat(ukPl.choose(null).version().language()).isEqualTo("uk");
    }
}
