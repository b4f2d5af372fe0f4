package org.concordia.platform.application;

/**
 * The outcome of a creating request: what it created, or, for a retry with the same {@code Idempotency-Key}, what
 * the first attempt created.
 */
public record Created<T>(T value, boolean isNew) {

    public static <T> Created<T> created(T value) {
        return new Created<>(value, true);
    }

    public static <T> Created<T> existing(T value) {
        return new Created<>(value, false);
    }
}
