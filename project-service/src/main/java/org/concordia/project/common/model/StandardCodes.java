package org.concordia.project.common.model;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO code lists this service accepts: countries (ISO 3166-1 alpha-2) and currencies (ISO 4217). */
public final class StandardCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private StandardCodes() {}

    /** @param code upper case, such as {@code PL} */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** @param code upper case, such as {@code EUR} */
    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    /** Upper case without surrounding blanks, or {@code null} for {@code null}. */
    public static String normalized(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
