package org.concordia.project.common.web;

/** The OpenAPI tags of the project endpoints; the texts every service shares come from the platform starter. */
public final class ApiText {

    public static final String PROJECTS = "Projects";
    public static final String PARTNERS = "Partners";
    public static final String MILESTONES = "Milestones";

    private ApiText() {}
}
