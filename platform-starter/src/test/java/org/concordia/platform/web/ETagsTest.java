package org.concordia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concordia.platform.application.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code If-Match} read as RFC 9110 says: strong comparison, {@code *}, lists. */
class ETagsTest {

    @Test
    void no_header_and_a_star_allow_any_version() {
        assertThat(ETags.ifMatch(null)).isEqualTo(ExpectedVersion.any());
        assertThat(ETags.ifMatch("")).isEqualTo(ExpectedVersion.any());
        assertThat(ETags.ifMatch(" * ")).isEqualTo(ExpectedVersion.any());
        assertThat(ETags.ifMatch("*").isConditional()).isFalse();
    }

    @Test
    void a_strong_etag_allows_exactly_its_version() {
        ExpectedVersion expected = ETags.ifMatch("\"3\"");
        assertThat(expected.isConditional()).isTrue();
        assertThat(expected.isSatisfiedBy(3)).isTrue();
        assertThat(expected.isSatisfiedBy(4)).isFalse();
    }

    @Test
    void a_list_allows_any_of_its_strong_etags() {
        ExpectedVersion expected = ETags.ifMatch("\"3\", \"5\",\t\"8\"");
        assertThat(expected.isSatisfiedBy(3)).isTrue();
        assertThat(expected.isSatisfiedBy(5)).isTrue();
        assertThat(expected.isSatisfiedBy(8)).isTrue();
        assertThat(expected.isSatisfiedBy(4)).isFalse();
    }

    @Test
    void a_weak_etag_never_matches() {
        ExpectedVersion expected = ETags.ifMatch("W/\"3\"");
        assertThat(expected.isConditional()).isTrue();
        assertThat(expected.isSatisfiedBy(3)).isFalse();
        assertThat(ETags.ifMatch("W/\"3\", \"4\"").isSatisfiedBy(3)).isFalse();
        assertThat(ETags.ifMatch("W/\"3\", \"4\"").isSatisfiedBy(4)).isTrue();
    }

    @Test
    void an_etag_this_api_never_issued_matches_nothing() {
        assertThat(ETags.ifMatch("\"abc\"").isSatisfiedBy(0)).isFalse();
        assertThat(ETags.ifMatch("\"-1\"").isSatisfiedBy(1)).isFalse();
        assertThat(ETags.ifMatch("\"99999999999999999999\"").isConditional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "yesterday", "\"3", "\"3\" \"4\"", "\"3\";\"4\"", ",", "W/3", "\"a b\"", "**"})
    void anything_but_a_star_or_a_list_of_etags_is_a_bad_header(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("If-Match");
    }

    @Test
    void the_etag_of_a_version_is_strong() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.ifMatch(ETags.of(7)).isSatisfiedBy(7)).isTrue();
    }
}
