package org.concordia.platform.web;

import java.lang.reflect.Array;
import java.util.Collection;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * Every text of request JSON is held to {@link RequestLimits}: no control characters besides tab and line breaks,
 * at most {@code max-text-length} characters; every list at most {@code max-list-size} elements. A breach is a 400
 * naming the field, as {@link ProblemDetailsAdvice} answers a {@link RequestLimitException}.
 */
final class RequestTextRules {

    private RequestTextRules() {}

    /** A text or list over a limit; its message says which limit without repeating the value. */
    static final class RequestLimitException extends MismatchedInputException {

        RequestLimitException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class CheckedText extends StdScalarDeserializer<String> {

        private final int maxLength;

        CheckedText(int maxLength) {
            super(String.class);
            this.maxLength = maxLength;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            if (text.length() > maxLength) {
                throw new RequestLimitException(parser, "must be at most " + maxLength + " characters long");
            }
            if (RequestLimits.hasControlCharacter(text, true)) {
                throw new RequestLimitException(parser, "must not contain control characters");
            }
            return text;
        }
    }

    /** Caps lists and arrays. */
    static final class ListSizes extends ValueDeserializerModifier {

        private final int maxSize;

        ListSizes(int maxSize) {
            this.maxSize = maxSize;
        }

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            return new Capped(deserializer, maxSize);
        }

        @Override
        public ValueDeserializer<?> modifyArrayDeserializer(
                DeserializationConfig config,
                ArrayType type,
                BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            return new Capped(deserializer, maxSize);
        }
    }

    private static final class Capped extends DelegatingDeserializer {

        private final int maxSize;

        Capped(ValueDeserializer<?> delegate, int maxSize) {
            super(delegate);
            this.maxSize = maxSize;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Capped(delegate, maxSize);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
            return checked(parser, super.deserialize(parser, context, into));
        }

        private Object checked(JsonParser parser, Object value) {
            int size = value instanceof Collection<?> collection
                    ? collection.size()
                    : value != null && value.getClass().isArray() ? Array.getLength(value) : 0;
            if (size > maxSize) {
                throw new RequestLimitException(parser, "must hold at most " + maxSize + " elements");
            }
            return value;
        }
    }
}
