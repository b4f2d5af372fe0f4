package org.concordia.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.concordia.identity.IdentityProperties;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets in front of the sign-in form (per address and user name) and the token endpoint (per address and
 * client): beyond the limit, a 429 Problem Details with {@code Retry-After}. In process and per instance, so a
 * deployment of n instances allows n times the rate; a shared limit belongs to the gateway in front.
 */
class RateLimits extends OncePerRequestFilter {

    /** Beyond this many tracked keys, full buckets are forgotten (they would allow a full burst anyway). */
    static final int MAX_KEYS = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IdentityProperties.RateLimit limits;
    private final Clock clock;

    RateLimits(IdentityProperties.RateLimit limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String key;
        int capacity;
        if (path.equals("/login")) {
            String username = request.getParameter("username");
            key = "sign-in|" + request.getRemoteAddr() + "|"
                    + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
            capacity = limits.getSignIn();
        } else if (path.equals("/oauth2/token")) {
            key = "token|" + request.getRemoteAddr() + "|" + clientOf(request);
            capacity = limits.getToken();
        } else {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = take(key, capacity);
        if (retryAfter > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"https://concordia.org/problems/too-many-requests\","
                            + "\"title\":\"Too many requests\",\"status\":429,"
                            + "\"detail\":\"Too many attempts; try again in " + retryAfter + " s\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** 0 when a token was taken, or the seconds until one is available. */
    long take(String key, int capacity) {
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(capacityOf(e.getKey()), now()));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now()));
        return bucket.take(capacity, refillNanos(capacity), now());
    }

    private int capacityOf(String key) {
        return key.startsWith("sign-in|") ? limits.getSignIn() : limits.getToken();
    }

    private long refillNanos(int capacity) {
        return Duration.ofMillis(limits.getPeriod().toMillis()).toNanos() / Math.max(1, capacity);
    }

    private long now() {
        return clock.millis() * 1_000_000L;
    }

    private static String clientOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                return "malformed";
            }
        }
        String clientId = request.getParameter("client_id");
        return clientId == null ? "" : clientId;
    }

    /** Tokens refill one every {@code refill} nanoseconds up to the capacity. */
    static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(int capacity, long refill, long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) / refill);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missing = 1 - tokens;
            return Math.max(1, (long) Math.ceil(missing * refill / 1e9));
        }

        synchronized boolean full(int capacity, long now) {
            return tokens >= capacity || now - updated > (long) capacity * 1e12;
        }
    }
}
