package org.concordia.notification.notice.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notice a person wrote in several languages (an announcement), rather than one the bundles render: the message
 * arguments and the sanitized HTML body per language, and which language someone gets when none of theirs was
 * written.
 *
 * @param versions in the order written
 * @param fallbacks the languages to fall back on, in order (the organization's working languages), before the first
 *     written
 */
public record Localized(List<Version> versions, List<String> fallbacks) {

    /**
     * @param language BCP 47 tag as written
     * @param args the template's arguments in this language
     * @param html the body as sanitized HTML, for channels that show HTML
     */
    public record Version(
            String language,
            Map<String, Object> args,
            @Nullable String html) {
        public Version {
            args = Map.copyOf(args);
        }
    }

    /**
     * @param fallback none of the person's languages was written, so they get another
     */
    public record Choice(Version version, boolean fallback) {}

    public Localized {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A localized notice needs at least one version");
        }
        versions = List.copyOf(versions);
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * The person's preferred language when written (the same tag, else the same primary language), else the first
     * fallback language written, else the first written.
     */
    public Choice choose(@Nullable String preferred) {
        if (preferred != null) {
            Optional<Version> own = find(preferred);
            if (own.isPresent()) {
                return new Choice(own.get(), false);
            }
        }
        for (String language : fallbacks) {
            Optional<Version> found = find(language);
            if (found.isPresent()) {
                return new Choice(found.get(), true);
            }
        }
        return new Choice(versions.get(0), true);
    }

    private Optional<Version> find(String tag) {
        for (Version v : versions) {
            if (v.language().equalsIgnoreCase(tag)) {
                return Optional.of(v);
            }
        }
        String primary = primary(tag);
        for (Version v : versions) {
            if (primary(v.language()).equals(primary)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
