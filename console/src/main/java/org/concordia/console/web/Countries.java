package org.concordia.console.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A country's name in the page's language from its ISO 3166-1 alpha-2 code ({@code ${@countries.name('BG')}}). */
@Component("countries")
public class Countries {

    public String name(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() ? code : name;
    }
}
