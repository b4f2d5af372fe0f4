package org.concordia.organization.person.model;

import java.util.Locale;
import org.concordia.organization.common.model.Text;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;

/**
 * Who a person is to the platform: the name as they write it, where to write to them, in which language and in
 * which time zone.
 */
public record PersonDetails(String fullName, String email, String preferredLanguage, String timeZone) {

    public static final int FULL_NAME_MAX = 200, EMAIL_MAX = 254;

    public PersonDetails {
        fullName = Text.required(fullName, "fullName", FULL_NAME_MAX);
        email = email == null ? null : email.strip();
        if (!StandardCodes.isEmail(email)) {
            throw new RuleViolationException("email must be an e-mail address such as name@example.org", "email");
        }
        preferredLanguage = preferredLanguage == null ? null : preferredLanguage.strip();
        if (!StandardCodes.isLanguage(preferredLanguage)) {
            throw new RuleViolationException(
                    "preferredLanguage must be a BCP 47 language tag such as bg or pt-BR", "preferredLanguage");
        }
        preferredLanguage = StandardCodes.normalizeLanguage(preferredLanguage);
        timeZone = timeZone == null ? null : timeZone.strip();
        if (!StandardCodes.isTimeZone(timeZone)) {
            throw new RuleViolationException("timeZone must be an IANA time zone such as Europe/Sofia", "timeZone");
        }
    }

    /**
     * The address as compared for uniqueness: {@code M.Ivanova@RaoTrakia.eu} and {@code m.ivanova@raotrakia.eu} are
     * one person. (Strictly only the domain is case-insensitive, but no provider people use here treats the local
     * part differently, and two people sharing a mailbox would get each other's mail anyway.)
     */
    public String normalizedEmail() {
        return email.toLowerCase(Locale.ROOT);
    }
}
