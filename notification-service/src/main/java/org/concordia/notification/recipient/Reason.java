package org.concordia.notification.recipient;

import java.util.Map;

/**
 * Why a person is told: a message key of the rendering bundles ({@code why.<key>}) and its arguments, e.g.
 * {@code coordinator_of_partner} with the organization and the project.
 */
public record Reason(String key, Map<String, Object> args) {

    public Reason {
        args = Map.copyOf(args);
    }

    public static Reason of(String key, Object... namesAndValues) {
        java.util.LinkedHashMap<String, Object> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Reason(key, args);
    }
}
