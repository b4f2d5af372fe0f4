package org.concordia.identity.login;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** A person sets their password through a link: the link must exist, be unused and unexpired, and then is used up. */
@Service
public class SettingPasswords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** How setting a password ended. */
    public enum Outcome {
        SET,
        /** Unknown, used or expired: the person needs a new link. */
        LINK_INVALID,
        /** Too short, too long, with control characters, or not the same twice. */
        PASSWORD_REFUSED
    }

    private final PasswordLinks links;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final Clock clock;

    SettingPasswords(PasswordLinks links, Credentials credentials, PasswordEncoder encoder, Clock clock) {
        this.links = links;
        this.credentials = credentials;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Whether the link can still be used, to show the form or say it cannot. */
    public boolean usable(String token) {
        Instant now = clock.instant();
        return links.find(LinkTokens.hash(token))
                .filter(link -> !link.used() && link.expiresAt().isAfter(now))
                .isPresent();
    }

    public Outcome setPassword(String token, String password, String confirmation) {
        if (!acceptable(password) || !password.equals(confirmation)) {
            return usable(token) ? Outcome.PASSWORD_REFUSED : Outcome.LINK_INVALID;
        }
        String hash = LinkTokens.hash(token);
        Instant now = clock.instant();
        PasswordLinks.Link link = links.find(hash).orElse(null);
        if (link == null || link.used() || !link.expiresAt().isAfter(now)) {
            return Outcome.LINK_INVALID;
        }
        if (!links.use(hash, now)) {
            return Outcome.LINK_INVALID;
        }
        credentials.setPasswordHash(link.personId(), encoder.encode(password));
        return Outcome.SET;
    }

    static boolean acceptable(String password) {
        return password.length() >= MIN_LENGTH
                && password.length() <= MAX_LENGTH
                && password.chars().noneMatch(Character::isISOControl);
    }
}
