package org.concordia.organization.person.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-09T07:05:13.120Z"), ZoneOffset.UTC);

    @Test
    void a_person_is_registered_with_language_and_zone() {
        Person maria = Person.register(
                "maria",
                new PersonDetails("Мария Иванова", "M.Ivanova@RaoTrakia.example", "BG", "Europe/Sofia"),
                CLOCK);

        assertThat(maria.pullEvents())
                .containsExactly(new PersonRegistered(
                        "maria",
                        "Мария Иванова",
                        "M.Ivanova@RaoTrakia.example",
                        "bg",
                        "Europe/Sofia",
                        CLOCK.instant()));
        assertThat(maria.details().normalizedEmail()).isEqualTo("m.ivanova@raotrakia.example");
    }

    @Test
    void moving_to_another_zone_is_announced_with_the_next_version() {
        Person daniel = Person.restore(
                "daniel",
                1,
                new PersonDetails("Daniel Carter", "daniel@allatra.example", "en", "America/New_York"),
                CLOCK.instant());

        assertThat(daniel.change(
                        new PersonDetails("Daniel Carter", "daniel@allatra.example", "en", "Australia/Sydney"), CLOCK))
                .isTrue();

        PersonUpdated updated = (PersonUpdated) daniel.pullEvents().get(0);
        assertThat(updated.timeZone()).isEqualTo("Australia/Sydney");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(daniel.change(daniel.details(), CLOCK)).isFalse();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} is refused on {3}")
    @CsvSource({
        "anna-at-example.org, pl, Europe/Warsaw, email",
        "anna@localhost, pl, Europe/Warsaw, email",
        "anna kowalska@example.org, pl, Europe/Warsaw, email",
        "anna@example.org, polish, Europe/Warsaw, preferredLanguage",
        "anna@example.org, xx, Europe/Warsaw, preferredLanguage",
        "anna@example.org, pl, Europe/Lublin, timeZone",
        "anna@example.org, pl, +01:00, timeZone",
        "anna@example.org, pl, CET+1, timeZone"
    })
    void invalid_details_name_the_field(String email, String language, String zone, String field) {
        assertThatThrownBy(() -> new PersonDetails("Anna Kowalska", email, language, zone))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo(field);
    }
}
