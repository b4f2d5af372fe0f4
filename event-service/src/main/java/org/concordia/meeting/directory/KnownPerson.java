package org.concordia.meeting.directory;

/** A person as the last applied event described them. */
public record KnownPerson(String id, String fullName, String email, String preferredLanguage, String timeZone) {}
