package org.concordia.identity.login;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import org.concordia.identity.IdentityProperties;
import org.concordia.identity.directory.Directory;
import org.concordia.identity.directory.Person;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationRoles;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A coordinator of one of the person's organizations (or of a parent of one), or an operator, gives the person a
 * login: a one-time link to set their password goes to the person's e-mail address. Giving it again sends a new
 * link, which is also how a forgotten password is reset.
 */
@Service
public class GivingLogins {

    /** What the caller learns: where the link went and until when it works. */
    public record LinkSent(String personId, String email, Instant expiresAt) {}

    private final Directory directory;
    private final PasswordLinks links;
    private final OrganizationRoles roles;
    private final JavaMailSender mail;
    private final IdentityProperties properties;
    private final Clock clock;

    GivingLogins(
            Directory directory,
            PasswordLinks links,
            OrganizationRoles roles,
            JavaMailSender mail,
            IdentityProperties properties,
            Clock clock) {
        this.directory = directory;
        this.links = links;
        this.roles = roles;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    public LinkSent giveLogin(Caller caller, String personId) {
        Person person = directory.person(personId).orElse(null);
        if (person == null) {
            // only operators learn whether a person exists
            if (caller.isOperator()) {
                throw new NotFoundException("Person", personId);
            }
            throw new AccessDeniedException("unknown person");
        }
        boolean allowed = caller.isOperator()
                || person.organizationIds().stream().anyMatch(org -> roles.isCoordinatorOf(caller, org));
        if (!allowed) {
            throw new AccessDeniedException("coordinators of the person's organizations only");
        }
        if (person.email() == null) {
            throw new RuleViolationException("The person has no e-mail address to send the link to", "personId");
        }
        String token = LinkTokens.newToken();
        Instant expiresAt = clock.instant().plus(properties.getPasswordLinkTtl());
        links.store(new PasswordLinks.Link(LinkTokens.hash(token), personId, expiresAt, false));
        send(person, token, expiresAt);
        return new LinkSent(personId, person.email(), expiresAt);
    }

    private void send(Person person, String token, Instant expiresAt) {
        String link = properties.getPublicUrl().replaceAll("/+$", "") + "/password?token=" + token;
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.getMailFrom());
            helper.setTo(person.email());
            helper.setSubject("Concordia: set your password");
            helper.setText("Hello " + (person.name() == null ? "" : person.name()) + ",\n\n"
                    + "you have been given a login to Concordia. Set your password here:\n\n"
                    + link + "\n\n"
                    + "The link works once, until " + expiresAt + " (UTC).\n"
                    + "If you did not expect this message, ignore it.\n");
            mail.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("cannot write the password link message", e);
        }
    }
}
