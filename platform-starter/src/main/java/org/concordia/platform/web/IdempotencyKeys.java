package org.concordia.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes a creating request safe to retry: the id of what it creates is derived from its {@code Idempotency-Key}, so
 * a retry collides with the first result on the unique {@code _id} instead of creating a second one. Without a key
 * the id is random.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private IdempotencyKeys() {}

    /** @param scope what is being created, e.g. {@code organization}, so that one key can serve different creations */
    public static String idFor(String scope, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!VALID.matcher(idempotencyKey).matches()) {
            throw new InvalidHeaderException(HEADER, HEADER + " must be 1 to 128 letters, digits or . _ : -");
        }
        return UUID.nameUUIDFromBytes((scope + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
