package org.concordia.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.Rendering;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail channel: multipart plain text and HTML in UTF-8, the meeting's {@code .ics} attached when there is one,
 * a {@code List-Unsubscribe} header that leads to the person's preferences, and a Message-ID derived from the
 * notification id, so that a repeat after a crash is the same message to the receiving side.
 */
@Component
class Mailing implements Channel {

    private final Inbox inbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Rendering rendering;
    private final Clock clock;
    private final String from;
    private final String publicUrl;

    Mailing(
            Inbox inbox,
            ObjectProvider<JavaMailSender> sender,
            Rendering rendering,
            Clock clock,
            @Value("${concordia.notification.mail.from:Concordia <notifications@concordia.local>}") String from,
            @Value("${concordia.notification.public-url:http://localhost:8084}") String publicUrl) {
        this.inbox = inbox;
        this.sender = sender;
        this.rendering = rendering;
        this.clock = clock;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return Delivery.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        Notification n = inbox.find(delivery.subject())
                .orElseThrow(() -> new Undeliverable("No notification " + delivery.subject(), true, null));
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new Undeliverable("No SMTP server is configured (spring.mail.host)", false, null);
        }
        try {
            mail.send(message(n, mail));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            throw new Undeliverable(e.getMessage() == null ? e.toString() : e.getMessage(), false, e);
        }
    }

    MimeMessage message(Notification n, JavaMailSender mail) throws MessagingException, UnsupportedEncodingException {
        String messageId = "<" + digest(n.id()) + "@concordia>";
        Session session =
                mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(InternetAddress.parse(from)[0]);
        helper.setTo(new InternetAddress(n.email(), n.name(), StandardCharsets.UTF_8.name()));
        helper.setSubject(n.text().title());
        String preferences = publicUrl + "/api/v1/people/" + n.personId() + "/preferences";
        String footer = rendering.session().text(n.text().language(), "footer", Map.of("preferences", preferences));
        helper.setText(
                n.text().body() + "\n\n" + n.text().reason() + "\n\n-- \n" + footer,
                "<!DOCTYPE html><html lang=\"" + n.text().language() + "\"><body>"
                        + (n.text().html() != null
                                ? n.text().html()
                                : "<p>" + HtmlUtils.htmlEscape(n.text().body()) + "</p>")
                        + "<p><small>"
                        + HtmlUtils.htmlEscape(n.text().reason()) + "</small></p><hr><p><small>"
                        + HtmlUtils.htmlEscape(footer) + "</small></p></body></html>");
        if (n.invitation() != null) {
            String method = n.invitation().cancelled() ? "CANCEL" : "REQUEST";
            byte[] ics = Calendars.ics(n.invitation(), n.name(), n.email(), clock.instant())
                    .getBytes(StandardCharsets.UTF_8);
            helper.addAttachment(
                    "invite.ics", new ByteArrayDataSource(ics, "text/calendar; charset=UTF-8; method=" + method));
        }
        message.setHeader("List-Unsubscribe", "<" + preferences + ">");
        message.setHeader("X-Concordia-Notification", n.id());
        return message;
    }

    private static String digest(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
