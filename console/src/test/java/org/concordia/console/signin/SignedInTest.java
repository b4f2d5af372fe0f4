package org.concordia.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedInTest {

    @Test
    void the_person_their_language_zone_and_roles_come_from_the_token() {
        SignedIn anna = SignedIn.of(Map.of(
                "sub", "p-1",
                "person_id", "p-1",
                "name", "Anna Kowalska",
                "locale", "pl-PL",
                "zoneinfo", "Europe/Warsaw",
                "memberships",
                        List.of(
                                Map.of("organizationId", "o-1", "roles", List.of("coordinator", "member")),
                                Map.of("organizationId", "o-2", "roles", List.of("member"))),
                "platform_roles", List.of()));

        assertThat(anna.personId()).isEqualTo("p-1");
        assertThat(anna.locale()).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(anna.zone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(anna.coordinator()).isTrue();
        assertThat(anna.coordinatedOrganizations()).containsExactly("o-1");
        assertThat(anna.operator()).isFalse();
    }

    @Test
    void a_language_the_console_does_not_speak_falls_back_to_english_and_an_unknown_zone_to_utc() {
        SignedIn lucas = SignedIn.of(Map.of(
                "sub", "p-2", "locale", "pt-BR", "zoneinfo", "Mars/Olympus", "platform_roles", List.of("operator")));

        assertThat(lucas.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(lucas.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(lucas.coordinator()).isFalse();
        assertThat(lucas.operator()).isTrue();
        assertThat(lucas.personId()).isEqualTo("p-2");
    }
}
