package org.concordia.meeting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * sends none; {@link #as(String)} sends a bearer token (e.g. from {@link World#tokenOf(String)} or the
 * {@code TestIssuer}).
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final int port;
    private final @Nullable String token;

    public Api(int port) {
        this(port, null);
    }

    private Api(int port, @Nullable String token) {
        this.port = port;
        this.token = token;
        client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    /** The same service, called with this bearer token. */
    public Api as(String bearerToken) {
        return new Api(port, bearerToken);
    }

    /** The same service, called without a token. */
    public Api anonymous() {
        return new Api(port, null);
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

    public Response patch(String path, String body, Map<String, String> headers) {
        return call(HttpMethod.PATCH, path, body, headers);
    }

    public Response put(String path, String body, Map<String, String> headers) {
        return call(HttpMethod.PUT, path, body, headers);
    }

    public Response post(String path, String body, Map<String, String> headers) {
        return call(HttpMethod.POST, path, body, headers);
    }

    public Response call(HttpMethod method, String path, String body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = client.method(method).uri(path);
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
