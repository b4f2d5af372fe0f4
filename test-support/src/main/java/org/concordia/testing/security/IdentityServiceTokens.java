package org.concordia.testing.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Real tokens from a running identity-service, over real HTTP, as a browser and a tool would get them: the
 * authorization code flow with PKCE through the sign-in form (CSRF token included), client credentials, and refresh.
 */
public final class IdentityServiceTokens {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuerUri;

    public IdentityServiceTokens(String issuerUri) {
        this.issuerUri = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
    }

    /** What the token endpoint answered; {@code status} is its HTTP status, {@code body} its JSON. */
    public record TokenResponse(int status, Map<String, Object> body) {

        public String accessToken() {
            return required("access_token");
        }

        public @Nullable String idToken() {
            return (String) body.get("id_token");
        }

        public @Nullable String refreshToken() {
            return (String) body.get("refresh_token");
        }

        private String required(String name) {
            Object value = body.get(name);
            if (!(value instanceof String text)) {
                throw new IllegalStateException("no " + name + " in the token response (" + status + "): " + body);
            }
            return text;
        }
    }

    public TokenResponse clientCredentials(String clientId, String secret, String scope) {
        return token(Map.of("grant_type", "client_credentials", "scope", scope), Optional.of(basic(clientId, secret)));
    }

    /** A new access token for the refresh token of a confidential client. */
    public TokenResponse refresh(String clientId, String secret, String refreshToken) {
        return token(
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                Optional.of(basic(clientId, secret)));
    }

    /**
     * Signs in as the person through the sign-in form and exchanges the code with its PKCE verifier, as a public
     * browser client does.
     */
    public TokenResponse signIn(String clientId, String redirectUri, String scope, String username, String password) {
        return signIn(clientId, null, redirectUri, scope, username, password);
    }

    /** The same for a confidential client, which authenticates with its secret when it exchanges the code. */
    public TokenResponse signIn(
            String clientId,
            @Nullable String secret,
            String redirectUri,
            String scope,
            String username,
            String password) {
        HttpClient browser = browser();
        String verifier = random();
        String state = UUID.randomUUID().toString();
        String authorize = issuerUri + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type", "code",
                        "client_id", clientId,
                        "redirect_uri", redirectUri,
                        "scope", scope,
                        "state", state,
                        "code_challenge", challenge(verifier),
                        "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(browser, authorize);
        String loginPage = location(toLogin).orElseThrow(() -> unexpected("the sign-in redirect", toLogin));
        HttpResponse<String> page = get(browser, loginPage);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw unexpected("a sign-in form with a CSRF token", page);
        }
        HttpResponse<String> signedIn = post(
                browser,
                issuerUri + "/login",
                form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))),
                Optional.empty());
        String next = location(signedIn).orElseThrow(() -> unexpected("a redirect after signing in", signedIn));
        if (next.contains("/login?error")) {
            throw new IllegalStateException("signing in as " + username + " was refused");
        }
        HttpResponse<String> authorized = get(browser, next);
        String callback = location(authorized).orElseThrow(() -> unexpected("the redirect with a code", authorized));
        Map<String, String> parameters = query(URI.create(callback));
        if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
            throw new IllegalStateException("no code for state " + state + " in " + callback);
        }
        return token(
                Map.of(
                        "grant_type", "authorization_code",
                        "code", parameters.get("code"),
                        "redirect_uri", redirectUri,
                        "client_id", clientId,
                        "code_verifier", verifier),
                Optional.ofNullable(secret).map(value -> basic(clientId, value)));
    }

    private TokenResponse token(Map<String, String> parameters, Optional<String> authorization) {
        HttpResponse<String> response = post(browser(), issuerUri + "/oauth2/token", form(parameters), authorization);
        try {
            return new TokenResponse(response.statusCode(), JSONObjectUtils.parse(response.body()));
        } catch (ParseException e) {
            throw unexpected("a JSON token response", response);
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String uri) {
        return send(client, HttpRequest.newBuilder(absolute(uri)).GET());
    }

    private HttpResponse<String> post(HttpClient client, String uri, String form, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return send(client, request);
    }

    private URI absolute(String uri) {
        return uri.startsWith("/") ? URI.create(issuerUri + uri) : URI.create(uri);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> location(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 ? response.headers().firstValue("Location") : Optional.empty();
    }

    private static IllegalStateException unexpected(String expected, HttpResponse<String> response) {
        String body = response.body();
        return new IllegalStateException("expected " + expected + ", got " + response.statusCode() + " from "
                + response.uri() + ": " + body.substring(0, Math.min(body.length(), 500)));
    }

    public static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
