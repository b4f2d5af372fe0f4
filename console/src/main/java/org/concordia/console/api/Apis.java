package org.concordia.console.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.concordia.console.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' APIs, called as the signed-in person: every call carries their access token, and every error
 * answer becomes an {@link ApiProblem}. Bodies are read as JSON maps: the console renders them and keeps no model
 * of its own.
 */
@Component
public class Apis {

    public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private final ConsoleProperties properties;
    private final AccessTokens tokens;
    private final JsonMapper json;

    /**
     * A service that does not answer (stopping, or stuck) holds a page for at most {@link #READ_TIMEOUT}, never the
     * console's own shutdown; the page shows what it can without it.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final JdkClientHttpRequestFactory requests = requests();

    private static JdkClientHttpRequestFactory requests() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }

    Apis(ConsoleProperties properties, AccessTokens tokens, JsonMapper json) {
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
    }

    public RestClient organizations() {
        return client(properties.organizationUri());
    }

    public RestClient projects() {
        return client(properties.projectUri());
    }

    public RestClient meetings() {
        return client(properties.eventUri());
    }

    public RestClient notifications() {
        return client(properties.notificationUri());
    }

    /** A service by the name the operators' screens use. */
    public RestClient service(String name) {
        URI uri = properties.services().get(name);
        if (uri == null) {
            throw new ApiProblem(404, "not-found", "Unknown service", name, Map.of());
        }
        return client(uri);
    }

    private RestClient client(URI base) {
        return RestClient.builder()
                .baseUrl(base)
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(tokens.current());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    throw ApiProblem.of(response.getStatusCode().value(), parse(bytes));
                })
                .build();
    }

    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> parse(byte[] bytes) {
        try {
            return bytes.length == 0 ? null : json.readValue(bytes, Map.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
