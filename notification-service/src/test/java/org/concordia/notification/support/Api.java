package org.concordia.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running service over HTTP as a client would, and never throws for a 4xx or 5xx. Without a token it
 * calls as nobody; {@link #as(String)} gives one that sends a bearer token, e.g. from {@link Tokens}.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final RestClient client;
    private final @Nullable String token;

    public Api(int port) {
        this(
                "http://localhost:" + port,
                RestClient.builder()
                        .requestFactory(new JdkClientHttpRequestFactory())
                        .build(),
                null);
    }

    private Api(String base, RestClient client, @Nullable String token) {
        this.base = base;
        this.client = client;
        this.token = token;
    }

    /** The same service, called with this bearer token. */
    public Api as(String token) {
        return new Api(base, client, token);
    }

    /** The same service, called without a token. */
    public Api anonymous() {
        return new Api(base, client, null);
    }

    public record Response(int status, String etag, String location, String contentType, String text) {

        public JsonNode json() {
            return text == null || text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
        }

        public String field(String name) {
            return json().path(name).asString();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String path, String body) {
        return call(HttpMethod.POST, path, body, Map.of());
    }

    public Response put(String path, String body) {
        return call(HttpMethod.PUT, path, body, Map.of());
    }

    public Response delete(String path) {
        return call(HttpMethod.DELETE, path, null, Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        return call(HttpMethod.POST, path, body, headers);
    }

    public Response call(HttpMethod method, String path, String body, Map<String, String> headers) {
        // the path is sent as written, percent-escapes included, not escaped a second time
        RestClient.RequestBodySpec request = client.method(method).uri(URI.create(base + path));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> {
            HttpStatusCode status = res.getStatusCode();
            try {
                String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                MediaType type = res.getHeaders().getContentType();
                return new Response(
                        status.value(),
                        res.getHeaders().getETag(),
                        res.getHeaders().getFirst("Location"),
                        type == null ? null : type.toString(),
                        text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A JSON object literal from alternating names and values; values are written as JSON. */
    public static String json(Object... namesAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }
}
