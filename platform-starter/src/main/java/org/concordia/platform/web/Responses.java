package org.concordia.platform.web;

import java.net.URI;
import java.util.function.Function;
import org.concordia.platform.application.Created;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The shapes every single-resource response shares: its version as ETag, 201 with Location for what was created. */
public final class Responses {

    private Responses() {}

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }

    /** 201 with its Location when new; 200 with the first result for a retried request. */
    public static <S, T> ResponseEntity<T> created(
            Created<S> created, Function<S, T> view, Function<S, Long> version, Function<S, String> location) {
        S value = created.value();
        T body = view.apply(value);
        String etag = ETags.of(version.apply(value));
        if (!created.isNew()) {
            return ResponseEntity.ok().eTag(etag).body(body);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(location.apply(value)))
                .eTag(etag)
                .body(body);
    }
}
