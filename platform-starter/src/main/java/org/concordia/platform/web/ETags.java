package org.concordia.platform.web;

import org.springframework.http.HttpHeaders;

/** Optimistic concurrency over HTTP: the aggregate's version is its ETag, {@code If-Match} names the expected one. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects, or {@code null} when the header is absent (the write then
     * applies to whatever version is current).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidHeaderException(
                    HttpHeaders.IF_MATCH, "If-Match must be an ETag this API returned, such as \"3\"");
        }
    }
}
