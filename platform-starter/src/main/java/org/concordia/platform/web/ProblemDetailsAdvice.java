package org.concordia.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.DomainException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.outbox.OutboxFullException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every service as RFC 9457 Problem Details: validation errors name their fields in {@code errors},
 * domain refusals map to 404/409/422, stale writes to 412, and nothing a client sends turns into a 500 or a stack
 * trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://concordia.org/problems/";

    /** One field a request got wrong. {@code field} is a JSON path such as {@code languages[1]}. */
    public record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldProblem::field));
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body && body.hasFieldErrors()
                        // a request body validated with the method's other parameters: name its fields
                        ? body.getFieldErrors().stream()
                                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldProblem(
                                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof RequestTextRules.RequestLimitException limit) {
            String field = path(limit);
            String message = limit.getOriginalMessage();
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-value",
                    "Invalid value",
                    field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        if (RequestBodyLimit.exceeded(ex)) {
            return RequestBodyLimit.tooLarge();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "Unknown field",
                    "The request has a field this API does not know: " + field,
                    List.of(new FieldProblem(field, "unknown field")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message =
                    "cannot be read as " + describeType(invalid.getTargetType()) + ": " + shown(invalid.getValue());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-value",
                    "Invalid value",
                    field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String message = "must be " + describeType(mismatched.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-value",
                    "Invalid value",
                    field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof JacksonException jackson
                && !(cause instanceof StreamReadException)
                && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            String message = rootMessage(jackson);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-value",
                    "Invalid value",
                    field + ": " + message,
                    List.of(new FieldProblem(field, message)));
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "Malformed request body",
                "The request body is missing or is not valid JSON",
                List.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "cannot be read as " + describeType(ex.getRequiredType()) + ": " + shown(ex.getValue());
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-value",
                "Invalid value",
                ex.getName() + " " + message,
                List.of(new FieldProblem(ex.getName(), message)));
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<Object> invalidHeader(InvalidHeaderException ex) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-header",
                "Invalid header",
                ex.header() + ": " + ex.getMessage(),
                List.of(new FieldProblem(ex.header(), ex.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage(), List.of());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException ex) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "rule-violation",
                "Request not allowed",
                ex.getMessage(),
                fieldOf(ex));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage(), fieldOf(ex));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleWrite(OptimisticLockingFailureException ex, WebRequest request) {
        if (ETags.ifMatch(request.getHeader(HttpHeaders.IF_MATCH)).isConditional()) {
            return problem(
                    HttpStatus.PRECONDITION_FAILED,
                    "stale-version",
                    "Precondition failed",
                    "The resource is not at a version If-Match names (weak ETags never match); fetch it again and"
                            + " retry with its current ETag",
                    List.of());
        }
        return problem(
                HttpStatus.CONFLICT,
                "concurrent-modification",
                "Concurrent modification",
                "The resource kept being changed by others while this change was applied; retry",
                List.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict",
                "A resource with the same identity exists already",
                List.of());
    }

    /** The aggregate's outbox is full until the relay catches up: a temporary refusal, retried after a while. */
    @ExceptionHandler(OutboxFullException.class)
    ResponseEntity<Object> outboxFull(OutboxFullException ex) {
        log.warn("Refused a write: {}", ex.getMessage());
        ResponseEntity<Object> refused = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "outbox-full",
                "Temporarily unavailable",
                "Too many changes to this resource are still waiting to be announced to other services; retry later",
                List.of());
        return ResponseEntity.status(refused.getStatusCode())
                .headers(refused.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
                .body(refused.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The request could not be completed; it has been logged",
                List.of());
    }

    private static List<FieldProblem> fieldOf(DomainException ex) {
        return ex.field() == null ? List.of() : List.of(new FieldProblem(ex.field(), ex.getMessage()));
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String describe(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid";
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
        // a parser's message may name the service's classes; the caller learns only that the value was wrong
        return message == null || CLASS_NAME.matcher(message).find() ? "invalid value" : shown(message);
    }

    private static final Pattern CLASS_NAME = Pattern.compile("`|\\b(?:java|javax|jakarta|org|tools|com|net)\\.[a-z]");

    /** A value as an error may repeat it: short, and with control characters blanked out. */
    static String shown(@Nullable Object value) {
        String text = String.valueOf(value);
        if (text.length() > 64) {
            text = text.substring(0, 64) + "…";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("String", "a string"),
            Map.entry("Integer", "an integer"),
            Map.entry("int", "an integer"),
            Map.entry("Long", "an integer"),
            Map.entry("long", "an integer"),
            Map.entry("BigDecimal", "a number"),
            Map.entry("Double", "a number"),
            Map.entry("double", "a number"),
            Map.entry("Boolean", "true or false"),
            Map.entry("boolean", "true or false"),
            Map.entry("List", "an array"),
            Map.entry("LocalDate", "a date (YYYY-MM-DD)"),
            Map.entry("Instant", "an instant with offset (ISO-8601)"));

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        return TYPE_NAMES.getOrDefault(type.getSimpleName(), "a " + type.getSimpleName());
    }
}
