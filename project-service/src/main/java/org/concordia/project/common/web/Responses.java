package org.concordia.project.common.web;

import java.net.URI;
import org.concordia.platform.web.ETags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The shapes every single-resource response shares: its version as ETag, 201 with Location for what was created. */
public final class Responses {

    private Responses() {}

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }

    /** 201 with its Location when new; 200 with the first result for a retried request. */
    public static <T> ResponseEntity<T> created(boolean isNew, T body, long version, String location) {
        String etag = ETags.of(version);
        if (!isNew) {
            return ResponseEntity.ok().eTag(etag).body(body);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(location))
                .eTag(etag)
                .body(body);
    }
}
