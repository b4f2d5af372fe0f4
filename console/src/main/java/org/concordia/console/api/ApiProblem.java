package org.concordia.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A service answered with RFC 9457 Problem Details (or at least an error status).
 *
 * @param slug the last segment of the problem {@code type}, e.g. {@code validation}, {@code not-found}
 * @param fields the fields the problem names, each with the service's message
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final @Nullable String detail;
    private final Map<String, String> fields;

    public ApiProblem(int status, String slug, String title, @Nullable String detail, Map<String, String> fields) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
    }

    @SuppressWarnings("unchecked")
    static ApiProblem of(int status, @Nullable Map<String, Object> body) {
        if (body == null) {
            return new ApiProblem(status, "status-" + status, "HTTP " + status, null, Map.of());
        }
        String type = body.get("type") instanceof String t ? t : "";
        String slug = type.isEmpty() ? "status-" + status : type.substring(type.lastIndexOf('/') + 1);
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("field") instanceof String field) {
                    fields.putIfAbsent(field, String.valueOf(e.get("message")));
                }
            }
        }
        return new ApiProblem(
                status,
                slug,
                body.get("title") instanceof String t ? t : "HTTP " + status,
                body.get("detail") instanceof String d ? d : null,
                fields);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public @Nullable String detail() {
        return detail;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
