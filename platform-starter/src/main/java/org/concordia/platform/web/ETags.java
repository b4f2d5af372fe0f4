package org.concordia.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concordia.platform.application.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Optimistic concurrency over HTTP: the aggregate's version is its strong ETag ({@code "3"}), and {@code If-Match}
 * names the versions a change may apply to, compared strongly as RFC 9110 requires for {@code If-Match}.
 */
public final class ETags {

    private static final String MALFORMED =
            "If-Match must be * or a list of ETags this API returned, such as \"3\" or \"3\", \"4\"";

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header allows, in the plain form of use cases that take one optional version:
     * {@code null} when any version will do; with several named, the lowest.
     */
    public static @Nullable Long expectedVersion(@Nullable String header) {
        ExpectedVersion expected = ifMatch(header);
        if (!expected.isConditional()) {
            return null;
        }
        // No resource has version -1: a header that named no version this API issued is refused with 412.
        return expected.versions().stream().min(Long::compare).orElse(-1L);
    }

    /**
     * The versions an {@code If-Match} header allows (RFC 9110, section 13.1.1): absent or {@code *} allows any
     * existing version; otherwise one of the listed strong ETags must be the current version. A weak ETag
     * ({@code W/"3"}) never matches, and neither does an ETag this API did not issue; the change is then refused
     * with 412. A value that is no ETag list at all is a 400.
     *
     * @throws InvalidHeaderException when the header is not {@code *} or a list of entity tags
     */
    public static ExpectedVersion ifMatch(@Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        List<Long> versions = new ArrayList<>();
        int tags = 0;
        int position = 0;
        int length = header.length();
        boolean expectTag = true;
        while (true) {
            position = skipWhitespace(header, position);
            if (position >= length) {
                break;
            }
            if (!expectTag) {
                if (header.charAt(position) != ',') {
                    throw malformed();
                }
                position++;
                expectTag = true;
                continue;
            }
            if (header.charAt(position) == ',') {
                // empty list elements are allowed by the list syntax
                position++;
                continue;
            }
            boolean weak = header.startsWith("W/", position);
            if (weak) {
                position += 2;
            }
            if (position >= length || header.charAt(position) != '"') {
                throw malformed();
            }
            int close = header.indexOf('"', position + 1);
            if (close < 0) {
                throw malformed();
            }
            String opaque = header.substring(position + 1, close);
            if (!opaque.chars().allMatch(ETags::isEtagChar)) {
                throw malformed();
            }
            if (!weak) {
                parseVersion(opaque).ifPresent(versions::add);
            }
            position = close + 1;
            tags++;
            expectTag = false;
        }
        if (tags == 0) {
            throw malformed();
        }
        return ExpectedVersion.oneOf(versions);
    }

    private static Optional<Long> parseVersion(String opaque) {
        if (opaque.isEmpty() || opaque.length() > 18 || !opaque.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(opaque));
    }

    /** etagc = %x21 / %x23-7E / obs-text */
    private static boolean isEtagChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80;
    }

    private static int skipWhitespace(String text, int position) {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
        return position;
    }

    private static InvalidHeaderException malformed() {
        return new InvalidHeaderException(HttpHeaders.IF_MATCH, MALFORMED);
    }
}
