package org.concordia.project.common.web;

/** Descriptions the OpenAPI document repeats on many endpoints. */
public final class ApiText {

    public static final String PROJECTS = "Projects";
    public static final String PARTNERS = "Partners";
    public static final String MILESTONES = "Milestones";

    public static final String IDEMPOTENCY_KEY = "Makes the request safe to retry: a retry with the same key returns"
            + " the first result (200) and creates nothing twice. 1 to 128 letters, digits or . _ : -";
    public static final String IF_MATCH = "The project's ETag as last read, e.g. \"3\"; the change is refused with 412"
            + " when the project has changed since. Without it the change applies to the current state.";
    public static final String PAGE = "Page number, from 0";
    public static final String SIZE = "Page size, 1 to 100";

    private ApiText() {}
}
