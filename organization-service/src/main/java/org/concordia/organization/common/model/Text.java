package org.concordia.organization.common.model;

import java.text.Normalizer;
import java.util.Locale;
import org.concordia.platform.domain.RuleViolationException;

/** How the domain takes free text from outside: trimmed, NFC-normalized, blank meaning absent, within limits. */
public final class Text {

    private Text() {}

    /** A required text of at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new RuleViolationException(field + " must not be blank", field);
        }
        return text;
    }

    /** An optional text of at most {@code max} characters; blank becomes {@code null}. */
    public static String optional(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new RuleViolationException(field + " must be at most " + max + " characters", field);
        }
        return text;
    }

    /** The form used to compare and search case-insensitively in any script. */
    public static String key(String value) {
        return value == null
                ? null
                : Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
