package org.concordia.platform.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The international standards Concordia speaks: ISO 3166-1 alpha-2 countries, ISO 4217 currencies, BCP 47 language
 * tags whose language is an ISO 639 code, IANA time zones, e-mail addresses and web addresses. Plain Java, so that a
 * domain guards its invariants with the same rules the API validates requests by.
 */
public final class StandardCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    /** Deliberately stricter than RFC 5322: one @, no spaces, a dot in the domain; what mail relays deliver. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@[^\\s@\"(),:;<>\\[\\]\\\\.]+(\\.[^\\s@\"(),:;<>\\[\\]\\\\.]+)+");

    private StandardCodes() {}

    /** Upper case without surrounding blanks, or {@code null} for {@code null}. */
    public static String normalized(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** An upper-case ISO 3166-1 alpha-2 code, such as {@code BG}; {@link #normalized} first to accept any case. */
    public static boolean isCountry(String code) {
        return code != null
                && code.length() == 2
                && code.equals(code.toUpperCase(Locale.ROOT))
                && COUNTRIES.contains(code);
    }

    /** An upper-case ISO 4217 code, such as {@code EUR}; {@link #normalized} first to accept any case. */
    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    /**
     * A well-formed BCP 47 tag whose language subtag is an ISO 639 code: {@code bg}, {@code pl}, {@code pt-BR},
     * {@code sr-Latn}. Case does not matter; {@link #normalizeLanguage} gives the canonical form.
     */
    public static boolean isLanguage(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(tag);
        // forLanguageTag drops what it cannot parse; a tag that does not survive the round trip was ill-formed
        if (!locale.toLanguageTag().equalsIgnoreCase(tag)) {
            return false;
        }
        String language = locale.getLanguage();
        return LANGUAGES.contains(language) || LANGUAGES.contains(legacyCode(language));
    }

    /** The canonical spelling of a valid tag: {@code PT-br} becomes {@code pt-BR}. */
    public static String normalizeLanguage(String tag) {
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    /** An IANA time zone id the JDK knows, such as {@code Europe/Sofia}. Offsets like {@code +02:00} are not zones. */
    public static boolean isTimeZone(String zone) {
        return zone != null && ZONES.contains(zone);
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** An absolute http or https address with a host. */
    public static boolean isWebsite(String website) {
        if (website == null || website.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme();
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String legacyCode(String language) {
        // the JDK lists some languages under their withdrawn ISO 639 codes
        switch (language) {
            case "he":
                return "iw";
            case "id":
                return "in";
            case "yi":
                return "ji";
            default:
                return language;
        }
    }
}
