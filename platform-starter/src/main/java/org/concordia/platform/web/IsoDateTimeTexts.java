package org.concordia.platform.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads instants and date-times only from ISO-8601 text. Jackson's own deserializers also take a number as seconds
 * or milliseconds since the epoch and an array of fields, so {@code "startsAt": 1700000000} would silently become a
 * time in 2023; here it is a 400 naming the field. Text keeps Jackson's reading (offsets, zone adjustment).
 */
final class IsoDateTimeTexts extends ValueDeserializerModifier {

    private static final Set<Class<?>> TYPES =
            Set.of(OffsetDateTime.class, ZonedDateTime.class, Instant.class, LocalDateTime.class);

    @Override
    public ValueDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
        if (TYPES.contains(description.getBeanClass())) {
            return new TextOnly(deserializer);
        }
        return deserializer;
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
