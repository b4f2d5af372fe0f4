package org.concordia.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.ui.ExtendedModelMap;

class FormErrorsTest {

    private final FormErrors errors = new FormErrors(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_service_message_stands_beside_the_form_field_it_names_in_the_persons_language() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("bg"));
        ExtendedModelMap model = new ExtendedModelMap();

        errors.show(
                model,
                new ApiProblem(
                        400,
                        "validation",
                        "Invalid request",
                        null,
                        Map.of("title", "must not be blank", "targets[0].personId", "unknown person")),
                Map.of("targets", "invitees"));

        assertThat(model.getAttribute("fieldErrors"))
                .isEqualTo(Map.of("title", "Попълнете това поле.", "invitees", "unknown person"));
        assertThat(model.getAttribute("formError")).isEqualTo("Някои полета трябва да се поправят.");
    }

    @Test
    void a_problem_without_fields_is_told_with_its_detail() {
        String summary = errors.summary(
                new ApiProblem(409, "conflict", "Conflict", "version 3 is not current", Map.of()), Locale.ENGLISH);

        assertThat(summary).isEqualTo("Someone changed it meanwhile; reload and try again. version 3 is not current");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
