package org.concordia.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first check every request meets, before authentication and before any controller: its path and query
 * parameters hold no control characters (400 naming the parameter), and its body is no larger than
 * {@link RequestLimits#getMaxRequestSize()} (413), whether it announces its length or streams in chunks.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE_BASE = "https://concordia.org/problems/";

    private final long maxBytes;

    public RequestBodyLimit(RequestLimits limits) {
        this.maxBytes = limits.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        if (RequestLimits.hasControlCharacter(path, false)) {
            write(response, controlCharacters("path"));
            return;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                if (RequestLimits.hasControlCharacter(parameter.getKey(), false)) {
                    write(response, controlCharacters("query"));
                    return;
                }
                for (String value : parameter.getValue()) {
                    if (RequestLimits.hasControlCharacter(value, false)) {
                        write(response, controlCharacters(parameter.getKey()));
                        return;
                    }
                }
            }
        }
        if (request.getContentLengthLong() > maxBytes) {
            write(response, tooLarge());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Whether reading the body failed because it outgrew the limit (the body converter wraps that failure). */
    static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static ResponseEntity<Object> tooLarge() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this API accepts");
        body.setType(URI.create(TYPE_BASE + "too-large"));
        body.setTitle("Request too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ResponseEntity<Object> controlCharacters(String field) {
        String shown = ProblemDetailsAdvice.shown(field);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, shown + " must not contain control characters");
        body.setType(URI.create(TYPE_BASE + "invalid-value"));
        body.setTitle("Invalid value");
        body.setProperty(
                "errors", List.of(new ProblemDetailsAdvice.FieldProblem(shown, "must not contain control characters")));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** Written here, before Spring MVC: the same members, in RFC 9457's shape, as the advice answers. */
    private static void write(HttpServletResponse response, ResponseEntity<Object> problem) throws IOException {
        ProblemDetail detail = (ProblemDetail) problem.getBody();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(detail.getType()));
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** Thrown by the body stream once more than the limit has been read. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
