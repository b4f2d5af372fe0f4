package org.concordia.notification.notice;

import org.jspecify.annotations.Nullable;

/**
 * A notification's text in the recipient's language: title, body, and why they get it.
 *
 * @param html the body as sanitized HTML when its author wrote formatted text (an announcement); otherwise channels
 *     that show HTML escape the plain body
 */
public record Rendered(
        String language,
        String title,
        String body,
        String reason,
        @Nullable String html) {

    public Rendered(String language, String title, String body, String reason) {
        this(language, title, body, reason, null);
    }

    public Rendered withHtml(@Nullable String html) {
        return new Rendered(language, title, body, reason, html);
    }
}
