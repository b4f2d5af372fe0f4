package org.concordia.meeting.common.web;

/** Descriptions and patterns the endpoints repeat. */
public final class ApiText {

    public static final String MEETINGS = "Meetings";
    public static final String REGISTRATIONS = "Registrations";
    public static final String TIME_ZONES = "Time zones";
    public static final String MINUTES = "Minutes";
    public static final String CALENDAR = "Calendar";

    public static final String IDEMPOTENCY_KEY = "Makes the request safe to retry: a retry with the same key returns"
            + " the first result (200) and creates nothing twice. 1 to 128 letters, digits or . _ : -";
    public static final String IF_MATCH = "The meeting's ETag as last read, e.g. \"3\"; the change is refused with 412"
            + " when the meeting has changed since. Without it the change applies to the current state.";
    public static final String PAGE = "Page number, from 0";
    public static final String SIZE = "Page size, 1 to 100";

    /** One line of text: no control characters. */
    public static final String LINE = "[^\\p{Cntrl}]*";
    /** Text of several lines: line breaks and tabs, but no other control characters. */
    public static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    public static final String NO_CONTROL = "must not contain control characters";

    private ApiText() {}
}
