package org.concordia.platform.openapi;

/**
 * The texts of what every Concordia API shares, in one place: {@link PlatformOpenApi} puts them into every service's
 * OpenAPI document, so controllers declare the headers and parameters without describing them again.
 */
public final class ApiText {

    public static final String IF_MATCH = "Makes the change conditional on the version it is based on: the ETag of"
            + " the resource as last read, such as \"3\" (a list such as \"3\", \"4\" allows any of them; weak ETags"
            + " never match; * allows any version). When the resource is at another version the change is refused"
            + " with 412 and changes nothing. Without If-Match the change applies to the current version.";

    public static final String IDEMPOTENCY_KEY = "Makes the request safe to retry: a retry with the same key returns"
            + " what the first request created, with 200, and creates nothing twice. 1 to 128 letters, digits or"
            + " . _ : -";

    public static final String ETAG = "The resource's version as a strong ETag, such as \"3\"; send it back in"
            + " If-Match to make a change conditional on it.";

    public static final String LOCATION = "Where the created resource can be read.";

    public static final String PAGE = "Page number, from 0";

    public static final String SIZE = "Page size, 1 to 100";

    /** Appended to every service's own description of its API. */
    public static final String CONVENTIONS = """
            Conventions shared by every Concordia API: errors are RFC 9457 Problem Details \
            (`application/problem+json`) naming the fields at fault in `errors`; every response showing a single \
            resource carries its version as a strong `ETag`, which `If-Match` on a change may repeat (412 when the \
            resource has changed since; without `If-Match` the change applies to the current version); creating \
            requests accept an `Idempotency-Key`, so that a retry returns the first result (200) instead of creating \
            twice; lists take `page` (from 0) and `size` (1 to 100) and have a stable order. Codes are lower case; \
            countries ISO 3166-1 alpha-2 (`PL`), languages BCP 47 (`pt-BR`), time zones IANA (`Europe/Sofia`), \
            currencies ISO 4217 (`EUR`), dates ISO 8601 (`2026-03-01`).""";

    private ApiText() {}

    static final String BEARER = "An access token of the platform's OpenID Connect provider (identity-service), as"
            + " `Authorization: Bearer <token>`: a person's token from the authorization code flow, or a client's from"
            + " client credentials. Roles per organization come from its `memberships` claim.";
}
