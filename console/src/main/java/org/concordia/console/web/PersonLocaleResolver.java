package org.concordia.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.concordia.console.signin.Languages;
import org.concordia.console.signin.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page's language: the one the person chose in this session, else their preferred language from the token,
 * else what the browser asks for; Bulgarian, Polish or English.
 */
class PersonLocaleResolver implements LocaleResolver {

    static final String CHOSEN = PersonLocaleResolver.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        SignedIn person = SignedIn.current();
        if (person != null) {
            return person.locale();
        }
        Locale asked = request.getLocale();
        return Languages.supported(asked == null ? "en" : asked.toLanguageTag());
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (locale == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(CHOSEN);
            }
            return;
        }
        request.getSession().setAttribute(CHOSEN, Languages.supported(locale.toLanguageTag()));
    }
}
