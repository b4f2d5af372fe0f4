package org.concordia.platform.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enumeration whose constants travel as lower-case snake codes ({@code partner_contact}) in the API and in events.
 * Each such enum returns its code from {@code toString()}, which is also how JSON reads and writes it.
 */
public interface Coded {

    String code();

    static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.code().equals(code))
                .findFirst();
    }
}
