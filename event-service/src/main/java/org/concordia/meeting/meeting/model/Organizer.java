package org.concordia.meeting.meeting.model;

/** The person who coordinates the organizing organization and runs the meeting. */
public record Organizer(String personId, String fullName, String email, String organizationId) {}
