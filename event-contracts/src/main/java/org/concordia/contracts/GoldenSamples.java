package org.concordia.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON sample of each event type, as a producer must write it and every consumer must
 * read it. Producers and consumers run their contract tests against these.
 */
public final class GoldenSamples {

    private GoldenSamples() {}

    /** The sample of {@code type}, loaded from {@code samples/<ce type>.json} on the classpath. */
    public static String json(EventType type) {
        String resource = "samples/" + type.type() + ".json";
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No golden sample " + resource + " for "
                        + type.javaType().getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
