package org.concordia.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058) for e-mail: {@code POST …/preferences/unsubscribe?category=…&token=…}, the
 * token an HMAC-SHA256 of person and category under the service's secret, so that nobody can switch off someone
 * else's e-mail by guessing a URL, and any instance accepts any link.
 */
@Component
public class UnsubscribeLinks {

    /** Every category's e-mail at once, for a digest, which lists several. */
    public static final String ALL = "all";

    private final byte[] secret;
    private final String publicUrl;

    UnsubscribeLinks(
            @Value("${concordia.notification.unsubscribe.secret:concordia-local-unsubscribe-secret}") String secret,
            @Value("${concordia.notification.public-url:http://localhost:8084}") String publicUrl) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.publicUrl = publicUrl;
    }

    /** @param category a category code, or {@link #ALL} */
    public String link(String personId, String category) {
        return publicUrl + "/api/v1/people/" + personId + "/preferences/unsubscribe?category=" + category + "&token="
                + token(personId, category);
    }

    public boolean valid(String personId, String category, String token) {
        return MessageDigest.isEqual(
                token(personId, category).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String personId, String category) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((personId + "\n" + category).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
