package org.concordia.organization.common.web;

/** Descriptions of the parameters every endpoint of a kind takes, for the OpenAPI document. */
public final class ApiParameters {

    public static final String IDEMPOTENCY_KEY =
            "Makes the request safe to retry: the same key returns what the first request created, with 200."
                    + " 1 to 128 letters, digits or . _ : -";
    public static final String IF_MATCH =
            "The ETag of the version this change is based on; a stale one is refused with 412.";
    public static final String PAGE = "Page number, from 0";
    public static final String SIZE = "Page size, 1 to 100";

    private ApiParameters() {}
}
