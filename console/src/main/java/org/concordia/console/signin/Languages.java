package org.concordia.console.signin;

import java.util.List;
import java.util.Locale;

/** The console's languages; any other preference falls back to English. */
public final class Languages {

    public static final List<Locale> SUPPORTED =
            List.of(Locale.forLanguageTag("bg"), Locale.forLanguageTag("pl"), Locale.ENGLISH);

    private Languages() {}

    public static Locale supported(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
