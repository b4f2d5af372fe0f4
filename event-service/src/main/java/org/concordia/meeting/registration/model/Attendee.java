package org.concordia.meeting.registration.model;

/** The person answering, as the directory knows them. */
public record Attendee(String personId, String fullName, String email, String preferredLanguage, String timeZone) {}
