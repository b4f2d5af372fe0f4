package org.concordia.contracts.announcement;

import java.util.Objects;

/**
 * An announcement's subject and body in one language.
 *
 * @param language BCP 47 language tag, e.g. bg, pl, en, pt-BR.
 * @param subject One line, plain text.
 * @param body The text in the safe Markdown subset (no raw HTML); consumers render and sanitize it themselves.
 */
public record AnnouncementText(String language, String subject, String body) {

    public AnnouncementText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
