package org.concordia.notification.inbox.web;

/** The shape of ids in paths: what other services issue, and the deterministic notification ids built of them. */
public final class Ids {

    public static final String PERSON = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    public static final String NOTIFICATION = "[A-Za-z0-9][A-Za-z0-9._:-]{0,400}";

    private Ids() {}
}
