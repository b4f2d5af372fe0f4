package org.concordia.platform.web;

import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request JSON means what it says: enumerations by their codes (an enum's {@code toString()}) and never by index,
 * calendar dates only as {@code YYYY-MM-DD} strings, instants and date-times only as ISO-8601 strings, and no silent coercion of numbers or booleans into texts, of
 * numbers into dates, or of booleans into amounts. So {@code "country": 42} is a 400 naming {@code country} rather
 * than the country "42". Unknown fields are refused by the platform defaults. Texts and lists are held to
 * {@link RequestLimits}.
 */
public final class StrictRequestJson {

    private StrictRequestJson() {}

    public static JsonMapperBuilderCustomizer customizer() {
        return customizer(new RequestLimits());
    }

    /** The same, holding every text and list to the limits. */
    public static JsonMapperBuilderCustomizer customizer(RequestLimits limits) {
        return builder -> {
            builder.addModule(new SimpleModule("iso-dates")
                    .addDeserializer(LocalDate.class, new IsoDateDeserializer())
                    .setDeserializerModifier(new IsoDateTimeTexts()));
            builder.addModule(new SimpleModule("request-limits")
                    .addDeserializer(String.class, new RequestTextRules.CheckedText(limits.getMaxTextLength()))
                    .setDeserializerModifier(new RequestTextRules.ListSizes(limits.getMaxListSize())));
            builder.enable(
                    EnumFeature.READ_ENUMS_USING_TO_STRING,
                    EnumFeature.WRITE_ENUMS_USING_TO_STRING,
                    EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
            builder.withCoercionConfig(
                    LogicalType.Textual,
                    texts -> texts.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.DateTime,
                    dates -> dates.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.Enum, codes -> codes.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.Float, numbers -> numbers.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        };
    }
}
