package org.concordia.project.common.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict request JSON beyond the platform's defaults: enumerations by their lower-case codes only (never by index),
 * and no silent coercion of numbers or booleans into texts, or of numbers into dates or amounts written as
 * booleans, so that {@code "title": 42} is a 400 naming {@code title} rather than the title "42".
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new CodedEnumConverters());
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        return builder -> {
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
