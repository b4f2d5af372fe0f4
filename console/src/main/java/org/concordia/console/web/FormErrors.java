package org.concordia.console.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts an API's Problem Details on a page in the person's language: a message beside each field the problem names
 * ({@code fieldErrors}), and one for the whole form ({@code formError}). A service's message is translated when the
 * console knows it ({@code api.<message>} in the messages), else shown as the service wrote it.
 */
@Component
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** @param fieldNames the API's field (or its prefix, e.g. {@code targets}) → the form's field */
    public void show(Model model, ApiProblem problem, Map<String, String> fieldNames) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        problem.fields().forEach((apiField, message) -> {
            String field = formField(apiField, fieldNames);
            byField.putIfAbsent(field, translate(message, locale));
        });
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("formError", summary(problem, locale));
    }

    public String summary(ApiProblem problem, Locale locale) {
        String general = messages.getMessage(
                "problem." + problem.slug(), null, messages.getMessage("problem.other", null, locale), locale);
        if (problem.fields().isEmpty() && problem.detail() != null) {
            return general + " " + translate(problem.detail(), locale);
        }
        return general;
    }

    private String translate(String message, Locale locale) {
        String key = "api." + message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return messages.getMessage(key, null, message, locale);
    }

    private static String formField(String apiField, Map<String, String> fieldNames) {
        String mapped = fieldNames.get(apiField);
        if (mapped != null) {
            return mapped;
        }
        for (Map.Entry<String, String> entry : fieldNames.entrySet()) {
            if (apiField.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return strip(apiField);
    }

    private static String strip(@Nullable String field) {
        return field == null ? "" : field.replaceAll("\\[\\d+]", "");
    }
}
