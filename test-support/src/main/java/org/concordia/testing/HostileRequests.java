package org.concordia.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every operation of a running service's OpenAPI document the requests an attacker or a broken client would:
 * hostile path and query values (control characters, traversal, injection, huge and non-Latin texts, wrong types),
 * broken and hostile bodies (malformed JSON, wrong shapes, every field of the documented schema given a hostile value,
 * deep nesting), and bad headers, each once with the given bearer token and once without. What it reports is every
 * answer that was a 5xx, or that named a class, a stack frame or a query, which no input may cause.
 *
 * <pre>{@code
 * HostileRequests.Report report = HostileRequests.against("http://localhost:" + port)
 *         .withToken(token)
 *         .knownValue("id", organizationId)
 *         .run();
 * assertThat(report.failures()).isEmpty();
 * }</pre>
 */
public final class HostileRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (?:java|org|tools|com)\\.[\\w.$]+\\(|Exception\\b|\\borg\\.concordia\\.|\\$(?:eq|gt|in|regex)\\b.*\\bfind\\b");

    /** Texts no service may choke on, as path segments, query values and JSON strings. */
    static final List<String> HOSTILE_TEXTS = List.of(
            "nul\u0000byte",
            "bell\u0007and\u001bescape",
            "../../../etc/passwd",
            "' OR '1'='1' --",
            "{\"$gt\": \"\"}",
            "<script>alert(1)</script>",
            "a".repeat(5_000),
            "Ω≈ç√∫ 𝕮𝖔𝖓𝖈𝖔𝖗𝖉𝖎𝖆 \uD83D\uDCA5 \u202Eevil",
            "",
            "99999999999999999999999999");

    private final String baseUri;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private @Nullable String token;
    /** Whether the operation being tried answers a live stream, which may send nothing for a long while. */
    private boolean streaming;

    private final Map<String, String> known = new LinkedHashMap<>();

    private HostileRequests(String baseUri) {
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    }

    public static HostileRequests against(String baseUri) {
        return new HostileRequests(baseUri);
    }

    /** The bearer token of a caller with rights, so that requests get past authorization into the handlers. */
    public HostileRequests withToken(String token) {
        this.token = token;
        return this;
    }

    /** A real value for a path parameter, so that hostile bodies reach an existing resource. */
    public HostileRequests knownValue(String pathParameter, String value) {
        known.put(pathParameter, value);
        return this;
    }

    /** One request that broke a promise. */
    public record Failure(String method, String path, String variant, boolean withToken, int status, String body) {

        @Override
        public String toString() {
            return method + " " + path + " [" + variant + (withToken ? ", token" : ", no token") + "] → " + status
                    + ": " + body.substring(0, Math.min(body.length(), 300));
        }
    }

    /** What the run sent and what broke. */
    public record Report(int requests, int operations, Map<Integer, Integer> statuses, List<Failure> failures) {

        @Override
        public String toString() {
            return requests + " requests over " + operations + " operations, statuses " + statuses + ", "
                    + failures.size() + " failures"
                    + (failures.isEmpty()
                            ? ""
                            : ":\n  "
                                    + String.join(
                                            "\n  ",
                                            failures.stream()
                                                    .map(Failure::toString)
                                                    .toList()));
        }
    }

    public Report run() {
        Answer answer = send("GET", "/v3/api-docs", null, Map.of(), false);
        if (answer.statusCode() != 200 || !answer.body().contains("\"paths\"")) {
            throw new IllegalStateException("no OpenAPI document at " + baseUri + "/v3/api-docs: " + answer.statusCode()
                    + " " + answer.body().substring(0, Math.min(answer.body().length(), 300)));
        }
        JsonNode document = JSON.readTree(answer.body());
        List<Failure> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int requests = 0;
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                streaming = operation
                        .getValue()
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/event-stream");
                for (Variant variant : variants(document, method, path.getKey(), operation.getValue())) {
                    for (boolean withToken : token == null ? List.of(false) : List.of(true, false)) {
                        Answer response = send(method, variant.target(), variant.body(), variant.headers(), withToken);
                        requests++;
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() >= 500
                                || LEAK.matcher(response.body()).find()) {
                            failures.add(new Failure(
                                    method,
                                    path.getKey(),
                                    variant.name(),
                                    withToken,
                                    response.statusCode(),
                                    response.body()));
                        }
                    }
                }
            }
        }
        return new Report(requests, operations, statuses, failures);
    }

    private record Variant(
            String name, String target, @Nullable String body, Map<String, String> headers) {}

    private List<Variant> variants(JsonNode document, String method, String template, JsonNode operation) {
        List<Variant> variants = new ArrayList<>();
        List<String> pathNames = new ArrayList<>();
        Matcher names = PATH_PARAMETER.matcher(template);
        while (names.find()) {
            pathNames.add(names.group(1));
        }
        List<String> queryNames = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            if ("query".equals(resolved.path("in").asString())) {
                queryNames.add(resolved.path("name").asString());
            }
        }
        String sane = fill(template, pathNames, null);
        Optional<JsonNode> schema = bodySchema(document, operation);
        String saneBody = schema.map(s -> JSON.writeValueAsString(sample(document, s, null, 0)))
                .orElse(null);

        // hostile path values, one parameter at a time
        for (String name : pathNames) {
            for (String text : HOSTILE_TEXTS) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put(name, text);
                variants.add(new Variant(
                        "path " + name + "=" + shortly(text), fill(template, pathNames, values), saneBody, Map.of()));
            }
        }
        // hostile query values
        for (String name : queryNames) {
            for (String text : HOSTILE_TEXTS) {
                variants.add(new Variant(
                        "query " + name + "=" + shortly(text),
                        sane + "?" + encode(name) + "=" + encode(text),
                        saneBody,
                        Map.of()));
            }
            variants.add(new Variant(
                    "query " + name + " repeated",
                    sane + "?" + encode(name) + "=a&" + encode(name) + "=b",
                    saneBody,
                    Map.of()));
        }
        variants.add(new Variant("unknown query parameter", sane + "?" + encode("\u0000x") + "=1", saneBody, Map.of()));
        // bodies
        if (operation.has("requestBody") || List.of("POST", "PUT", "PATCH").contains(method)) {
            List<String> bodies = new ArrayList<>(List.of(
                    "",
                    "null",
                    "[]",
                    "{}",
                    "{\"a\":",
                    "\"text\"",
                    "42",
                    "{\"unknown\": 1}",
                    "[".repeat(5_000),
                    "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)));
            schema.ifPresent(s -> {
                for (String text : HOSTILE_TEXTS) {
                    bodies.add(JSON.writeValueAsString(sample(document, s, text, 0)));
                }
                bodies.add(JSON.writeValueAsString(wrongTypes(document, s)));
            });
            for (String body : bodies) {
                variants.add(new Variant("body " + shortly(body), sane, body, Map.of()));
            }
        }
        // headers
        variants.add(new Variant("If-Match garbage", sane, saneBody, Map.of("If-Match", "\"x\", W/\"y\", *, 12")));
        variants.add(
                new Variant("Idempotency-Key garbage", sane, saneBody, Map.of("Idempotency-Key", "a".repeat(300))));
        variants.add(new Variant("Content-Type text", sane, saneBody, Map.of("Content-Type", "text/plain")));
        variants.add(new Variant("Accept xml", sane, saneBody, Map.of("Accept", "application/xml")));
        variants.add(new Variant("Authorization garbage", sane, saneBody, Map.of("Authorization", "Bearer a.b.c")));
        return variants;
    }

    private String fill(String template, List<String> names, @Nullable Map<String, String> values) {
        String target = template;
        for (String name : names) {
            String value = values != null && values.containsKey(name)
                    ? values.get(name)
                    : known.getOrDefault(name, "hostile-" + name);
            target = target.replace("{" + name + "}", encodePath(value));
        }
        return target;
    }

    private static Optional<JsonNode> bodySchema(JsonNode document, JsonNode operation) {
        JsonNode content = resolve(document, operation.path("requestBody")).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().contains("json")) {
                return Optional.of(type.getValue().path("schema"));
            }
        }
        return Optional.empty();
    }

    /** A value of the schema's shape: every text the given hostile text, or a plausible one when none is given. */
    private static JsonNode sample(JsonNode document, JsonNode schema, @Nullable String text, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        String type = resolved.path("type").asString("");
        if (resolved.has("properties") || "object".equals(type)) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> property :
                    resolved.path("properties").properties()) {
                object.set(property.getKey(), sample(document, property.getValue(), text, depth + 1));
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(document, resolved.path("items"), text, depth + 1));
            return array;
        }
        if (resolved.has("enum") && text == null) {
            return resolved.path("enum").path(0);
        }
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(text == null ? 1 : -1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(text != null ? text : plausible(resolved));
        };
    }

    /** Every field of the schema given a value of another type. */
    private static JsonNode wrongTypes(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            String type = resolve(document, property.getValue()).path("type").asString("");
            object.set(
                    property.getKey(),
                    switch (type) {
                        case "string" -> NODES.objectNode().put("$gt", "");
                        case "array" -> NODES.stringNode("not a list");
                        case "object" -> NODES.arrayNode().add(1);
                        default -> NODES.stringNode("not a number");
                    });
        }
        return object;
    }

    private static String plausible(JsonNode schema) {
        return switch (schema.path("format").asString("")) {
            case "date-time" -> "2030-01-01T10:00:00Z";
            case "date" -> "2030-01-01";
            case "email" -> "someone@example.org";
            case "uri", "url" -> "https://example.org";
            default -> "text";
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A response whose body was read as text (none for a live stream). */
    private record Answer(int status, String text) {
        int statusCode() {
            return status;
        }

        String body() {
            return text;
        }
    }

    private Answer send(
            String method, String target, @Nullable String body, Map<String, String> headers, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + target))
                .timeout(streaming ? Duration.ofSeconds(5) : Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (withToken && token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<java.io.InputStream> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (java.io.InputStream stream = response.body()) {
                // a live stream (server-sent events) never ends: its status and headers are the answer
                boolean live = response.headers()
                        .firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream"))
                        .isPresent();
                text = live ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), text);
        } catch (java.net.http.HttpTimeoutException e) {
            if (streaming) {
                // a stream that was accepted and is waiting for its first event: no failure
                return new Answer(200, "");
            }
            throw new IllegalStateException(method + " " + target + " was not answered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " could not be sent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encodePath(String text) {
        return encode(text).replace("+", "%20");
    }

    private static String shortly(String text) {
        String shown = text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints()
                .forEach(c -> out.append(
                        Character.isISOControl(c) ? "\\u" + String.format("%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
