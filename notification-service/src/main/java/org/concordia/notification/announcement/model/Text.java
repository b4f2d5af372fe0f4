package org.concordia.notification.announcement.model;

/**
 * Subject and body in one language.
 *
 * @param language BCP 47 tag, normalized ({@code pt-BR})
 * @param body Markdown, the safe subset (no raw HTML)
 */
public record Text(String language, String subject, String body) {}
