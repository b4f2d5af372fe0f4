package org.concordia.notification.notice.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Message arguments from alternating names and values; absent values are left out (ICU shows them as-is). */
final class Args {

    private Args() {}

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put((String) namesAndValues[i], value == null ? "" : value);
        }
        return args;
    }
}
