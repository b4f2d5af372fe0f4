package org.concordia.platform.web;

import java.util.Arrays;
import java.util.Optional;
import org.concordia.platform.domain.Coded;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Reads query parameters such as {@code ?kind=city_network} or {@code ?role=coordinator} by the same lower-case codes
 * the JSON bodies use. An unknown code fails the conversion, which the platform answers with a 400 naming the
 * parameter and listing the codes.
 */
public final class CodedEnumConverters implements ConverterFactory<String, Coded> {

    @Override
    public <T extends Coded> Converter<String, T> getConverter(Class<T> targetType) {
        return source -> {
            if (source.isBlank()) {
                return null;
            }
            Optional<T> match = Arrays.stream(targetType.getEnumConstants())
                    .filter(constant -> constant.code().equals(source.strip()))
                    .findFirst();
            return match.orElseThrow(() -> new IllegalArgumentException("unknown code " + source));
        };
    }
}
