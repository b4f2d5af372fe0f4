package org.concordia.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.platform.web.IdempotencyKeys;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes every service's OpenAPI document with what all Concordia APIs share, so that no controller repeats it:
 *
 * <ul>
 *   <li>the descriptions of the shared headers and parameters ({@code If-Match}, {@code Idempotency-Key},
 *       {@code page}, {@code size}) and of the {@code ETag} every single-resource response carries;
 *   <li>the error responses of every operation, as {@code application/problem+json} with one {@code Problem}
 *       schema (RFC 9457 with the per-field {@code errors} extension): 400 when it reads a body, a query or a header;
 *       404 when its path names a resource; 409, 422 and 503 when it writes; 412 when it takes {@code If-Match}. An
 *       operation that documents a status itself keeps its own;
 *   <li>with security on, the bearer-token scheme on every operation but the open ones, and their 401 and 403;
 *   <li>413 on every operation that takes a body;
 *   <li>the 201 (with {@code Location}) of creating operations, which answer a retry with 200;
 *   <li>the conventions paragraph at the end of the API's description, and the service itself ({@code /}) as the
 *       server, wherever it is deployed.
 * </ul>
 */
public class PlatformOpenApi implements GlobalOpenApiCustomizer, GlobalOperationCustomizer, ServerBaseUrlCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The error responses, by status, in the order the document lists them. */
    private static final Map<String, ErrorResponse> ERRORS = errors();

    static final String BEARER = "bearer";

    private final boolean secured;
    private final List<PathPattern> openPaths;

    /** A document for a service that takes no tokens. */
    public PlatformOpenApi() {
        this(false, List.of());
    }

    /**
     * @param secured whether the service needs bearer tokens
     * @param openPaths the paths that need none besides the always open ones (ant-style, as in
     *     {@code concordia.security.open-paths})
     */
    public PlatformOpenApi(boolean secured, List<String> openPaths) {
        this.secured = secured;
        this.openPaths =
                openPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private record ErrorResponse(String name, String description) {}

    private static Map<String, ErrorResponse> errors() {
        Map<String, ErrorResponse> errors = new LinkedHashMap<>();
        errors.put(
                "400",
                new ErrorResponse(
                        "BadRequest",
                        "The request is malformed or invalid: unreadable JSON, an unknown field, a value of the wrong"
                                + " type or out of range, a malformed header. `errors` names each field at fault."));
        errors.put(
                "401",
                new ErrorResponse(
                        "Unauthorized",
                        "No bearer token, or one that is expired, tampered with, signed by another key or meant for"
                                + " another audience."));
        errors.put(
                "403",
                new ErrorResponse(
                        "Forbidden", "The token is valid but its holder may not do this (see the service's rules)."));
        errors.put("404", new ErrorResponse("NotFound", "The resource the path names does not exist."));
        errors.put(
                "409",
                new ErrorResponse(
                        "Conflict",
                        "The change conflicts with the current state (a duplicate, or something that exists"
                                + " already), or the resource kept being changed concurrently while it was applied"
                                + " without If-Match."));
        errors.put(
                "412",
                new ErrorResponse(
                        "PreconditionFailed",
                        "The resource is not at a version If-Match names; nothing was changed. Read it again and"
                                + " retry with its current ETag."));
        errors.put(
                "422",
                new ErrorResponse(
                        "UnprocessableContent",
                        "The request is well-formed but a rule of the domain refuses it; nothing was changed."));
        errors.put(
                "503",
                new ErrorResponse(
                        "ServiceUnavailable",
                        "The service cannot take the change now (its database is unreachable, or the resource has"
                                + " too many events waiting to be published); nothing was changed. Retry later."));
        errors.put("413", new ErrorResponse("ContentTooLarge", "The request body is larger than this API accepts."));
        return errors;
    }

    /** Documents the {@code ETag} of every response a handler builds itself, which is how single resources answer. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!ResponseEntity.class.isAssignableFrom(handlerMethod.getReturnType().getParameterType())
                || operation.getResponses() == null) {
            return operation;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.get$ref() == null) {
                response.addHeaderObject(
                        HttpHeaders.ETAG, new Header().description(ApiText.ETAG).schema(schema("string")));
            }
        });
        return operation;
    }

    /** The document describes the service that serves it, so its server is {@code /} behind any host or proxy. */
    @Override
    public String customize(String serverBaseUrl, HttpRequest request) {
        return "/";
    }

    @Override
    public void customise(OpenAPI openApi) {
        appendConventions(openApi);
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        components.addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        components.addSchemas(PROBLEM, problemSchema());
        ERRORS.values()
                .forEach(error -> components.addResponses(
                        error.name(),
                        new ApiResponse()
                                .description(error.description())
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM))))));
        if (secured) {
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description(ApiText.BEARER));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> complete(path, method, operation)));
    }

    private boolean open(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return openPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = secured && open(path);
        if (open) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = operation.getParameters() != null ? operation.getParameters() : List.of();
        parameters.forEach(PlatformOpenApi::describe);
        boolean write = WRITES.contains(method);
        boolean readsInput =
                operation.getRequestBody() != null || parameters.stream().anyMatch(p -> !"path".equals(p.getIn()));
        boolean conditional = parameters.stream()
                .anyMatch(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        boolean creates = method == PathItem.HttpMethod.POST
                && parameters.stream()
                        .anyMatch(p ->
                                "header".equals(p.getIn()) && IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()));
        ApiResponse ok = responses.get("200");
        if (creates && ok != null && ok.get$ref() == null && !responses.containsKey("201")) {
            ApiResponse created = new ApiResponse()
                    .description("Created")
                    .content(ok.getContent())
                    .headers(ok.getHeaders() != null ? new LinkedHashMap<>(ok.getHeaders()) : null)
                    .addHeaderObject(
                            HttpHeaders.LOCATION,
                            new Header()
                                    .description(ApiText.LOCATION)
                                    .schema(schema("string").format("uri-reference")));
            ok.setDescription("A retry: what the first request with the same Idempotency-Key created");
            ApiResponses ordered = new ApiResponses();
            ordered.addApiResponse("201", created);
            responses.forEach(ordered::addApiResponse);
            responses = ordered;
            operation.setResponses(responses);
        }
        for (Map.Entry<String, ErrorResponse> error : ERRORS.entrySet()) {
            boolean applies = switch (error.getKey()) {
                case "400" -> readsInput;
                case "401", "403" -> secured && !open;
                case "413" -> operation.getRequestBody() != null;
                case "404" -> path.contains("{");
                case "412" -> conditional;
                default -> write;
            };
            if (applies && !responses.containsKey(error.getKey())) {
                responses.addApiResponse(
                        error.getKey(),
                        new ApiResponse()
                                .$ref("#/components/responses/"
                                        + error.getValue().name()));
            }
        }
    }

    private static void describe(Parameter parameter) {
        @Nullable
        String text = switch (parameter.getIn() + " " + parameter.getName()) {
            case "header If-Match" -> ApiText.IF_MATCH;
            case "header " + IdempotencyKeys.HEADER -> ApiText.IDEMPOTENCY_KEY;
            case "query page" -> ApiText.PAGE;
            case "query size" -> ApiText.SIZE;
            default -> null;
        };
        if (text != null) {
            parameter.setDescription(text);
        }
    }

    private static void appendConventions(OpenAPI openApi) {
        Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
        openApi.setInfo(info);
        String description = info.getDescription();
        if (description == null || description.isBlank()) {
            info.setDescription(ApiText.CONVENTIONS);
        } else if (!description.contains(ApiText.CONVENTIONS)) {
            info.setDescription(description.strip() + "\n\n" + ApiText.CONVENTIONS);
        }
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                schema("string")
                        .format("uri")
                        .description("What kind of problem this is, e.g. https://concordia.org/problems/validation"));
        properties.put("title", schema("string").description("A short summary of the kind of problem"));
        properties.put("status", schema("integer").format("int32").description("The HTTP status code"));
        properties.put("detail", schema("string").description("What went wrong with this request, for people"));
        properties.put("instance", schema("string").format("uri").description("The request the problem occurred in"));
        properties.put(
                "errors",
                schema("array")
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                        .description("Each field of the request at fault, for validation problems"));
        Schema<?> problem = schema("object")
                .description("RFC 9457 Problem Details, with the fields at fault in `errors`")
                .required(List.of("type", "title", "status", "detail"));
        problem.setProperties(properties);
        return problem;
    }

    private static Schema<?> fieldProblemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "field",
                schema("string")
                        .description("The field as a JSON path such as languages[1], a parameter or a header name"));
        properties.put("message", schema("string").description("What is wrong with it"));
        Schema<?> field = schema("object")
                .description("One field of a request that is at fault")
                .required(List.of("field", "message"));
        field.setProperties(properties);
        return field;
    }

    /** A schema of one JSON type, written the same in OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
    private static Schema<Object> schema(String type) {
        Schema<Object> schema = new Schema<>();
        schema.type(type);
        schema.types(Set.of(type));
        return schema;
    }
}
