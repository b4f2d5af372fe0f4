package org.concordia.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the console exists in Bulgarian and Polish as in English, so no page mixes languages. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bg", "pl"})
    void every_text_is_translated(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        assertThat(translated.stringPropertyNames())
                .as("texts of messages_%s.properties", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        translated.forEach((key, text) ->
                assertThat(text.toString()).as("%s in %s", key, language).isNotBlank());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
