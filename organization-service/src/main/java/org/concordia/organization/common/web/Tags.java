package org.concordia.organization.common.web;

/** OpenAPI tag names, shared by the controllers of each feature. */
public final class Tags {

    public static final String ORGANIZATIONS = "Organizations";
    public static final String PEOPLE = "People";
    public static final String MEMBERSHIPS = "Memberships";
    public static final String PARTNERSHIPS = "Partnerships";

    private Tags() {}
}
