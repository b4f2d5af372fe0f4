package org.concordia.notification.notice;

/** A notification's text in the recipient's language: title, body, and why they get it. */
public record Rendered(String language, String title, String body, String reason) {}
