package org.concordia.notification.delivery;

import jakarta.activation.FileTypeMap;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.Rendering;
import org.concordia.notification.preference.UnsubscribeLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail channel: multipart plain text and HTML in UTF-8, the meeting's {@code .ics} attached when there is one,
 * a one-click {@code List-Unsubscribe} header (RFC 8058) for the notification's category, and a Message-ID derived from the
 * notification id, so that a repeat after a crash is the same message to the receiving side.
 */
@Component
class Mailing implements Channel {

    /**
     * Jakarta Mail looks its stream provider up with a ServiceLoader for every body part it creates, which in a
     * packaged application means scanning the nested jars each time; named here, it is one class look-up.
     */
    static {
        String provider = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(provider) == null) {
            System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** The MIME types of attachments, read once rather than for every message (see {@link #helper}). */
    private static final ConfigurableMimeFileTypeMap FILE_TYPES = fileTypes();

    /** The trace id of the work that arranged the e-mail: the request, the event, the notification. */
    static final String TRACE_HEADER = "X-Concordia-Trace";

    private final Inbox inbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Rendering rendering;
    private final Clock clock;
    private final String from;
    private final String publicUrl;
    private final UnsubscribeLinks links;

    Mailing(
            Inbox inbox,
            ObjectProvider<JavaMailSender> sender,
            Rendering rendering,
            Clock clock,
            @Value("${concordia.notification.mail.from:Concordia <notifications@concordia.local>}") String from,
            @Value("${concordia.notification.public-url:http://localhost:8084}") String publicUrl,
            UnsubscribeLinks links) {
        this.inbox = inbox;
        this.sender = sender;
        this.rendering = rendering;
        this.clock = clock;
        this.from = from;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    @Override
    public String name() {
        return Delivery.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        Undeliverable failure = sendAll(List.of(delivery)).get(delivery.id());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * All over one SMTP connection: the notifications are read and the messages built first, then sent together;
     * each message that the server refused, or that could not be built, fails alone.
     */
    @Override
    public Map<String, Undeliverable> sendAll(List<Delivery> deliveries) {
        Map<String, Undeliverable> failures = new LinkedHashMap<>();
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            for (Delivery delivery : deliveries) {
                failures.put(
                        delivery.id(),
                        new Undeliverable("No SMTP server is configured (spring.mail.host)", false, null));
            }
            return failures;
        }
        Map<MimeMessage, String> messages = new IdentityHashMap<>();
        List<MimeMessage> ordered = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Optional<Notification> notification = inbox.find(delivery.subject());
            if (notification.isEmpty()) {
                failures.put(delivery.id(), new Undeliverable("No notification " + delivery.subject(), true, null));
                continue;
            }
            if (!Delivery.addressed(notification.get().email())) {
                failures.put(delivery.id(), new Undeliverable(Delivery.NO_ADDRESS, true, null));
                continue;
            }
            try {
                MimeMessage message = message(notification.get(), mail);
                String trace = delivery.traceId();
                if (trace != null) {
                    message.setHeader(TRACE_HEADER, trace);
                }
                messages.put(message, delivery.id());
                ordered.add(message);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failures.put(delivery.id(), undeliverable(e));
            }
        }
        if (ordered.isEmpty()) {
            return failures;
        }
        try {
            mail.send(ordered.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            Map<Object, Exception> refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                messages.values().forEach(id -> failures.put(id, undeliverable(e)));
            }
            refused.forEach((message, cause) -> {
                String id = message instanceof MimeMessage m ? messages.get(m) : null;
                if (id != null) {
                    failures.put(id, undeliverable(cause));
                }
            });
        } catch (MailException e) {
            messages.values().forEach(id -> failures.put(id, undeliverable(e)));
        }
        return failures;
    }

    private static Undeliverable undeliverable(Exception e) {
        return new Undeliverable(e.getMessage() == null ? e.toString() : e.getMessage(), false, e);
    }

    MimeMessage message(Notification n, JavaMailSender mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = message(n.id(), mail);
        MimeMessageHelper helper = helper(message, n.name(), n.email(), n.text().title());
        String preferences = preferences(n.personId());
        String footer = footer(n.text().language(), n.personId());
        helper.setText(
                n.text().body() + "\n\n" + n.text().reason() + "\n\n-- \n" + footer,
                "<!DOCTYPE html><html lang=\"" + n.text().language() + "\"><body>"
                        + (n.text().html() != null
                                ? n.text().html()
                                : "<p>" + HtmlUtils.htmlEscape(n.text().body()) + "</p>")
                        + "<p><small>"
                        + HtmlUtils.htmlEscape(n.text().reason()) + "</small></p><hr><p><small>"
                        + HtmlUtils.htmlEscape(footer) + "</small></p></body></html>");
        attachInvitation(helper, n, "invite.ics");
        unsubscribe(message, n.personId(), n.category());
        message.setHeader("X-Concordia-Notification", n.id());
        return message;
    }

    /** A message whose Message-ID derives from {@code id}, so that a repeat is the same message downstream. */
    static MimeMessage message(String id, JavaMailSender mail) {
        String messageId = "<" + digest(id) + "@concordia>";
        Session session =
                mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /** Multipart (alternative text and HTML, attachments), UTF-8, from the service to the person. */
    MimeMessageHelper helper(MimeMessage message, String name, String email, String subject)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                // the default would load the MIME types file again for every message
                return FILE_TYPES;
            }
        };
        helper.setFrom(InternetAddress.parse(from)[0]);
        helper.setTo(new InternetAddress(email, name, StandardCharsets.UTF_8.name()));
        helper.setSubject(subject);
        return helper;
    }

    /** The meeting's {@code .ics} (REQUEST, or CANCEL when cancelled), when the notification has one. */
    void attachInvitation(MimeMessageHelper helper, Notification n, String fileName) throws MessagingException {
        if (n.invitation() != null) {
            String method = n.invitation().cancelled() ? "CANCEL" : "REQUEST";
            byte[] ics = Calendars.ics(n.invitation(), n.name(), n.email(), clock.instant())
                    .getBytes(StandardCharsets.UTF_8);
            helper.addAttachment(
                    fileName, new ByteArrayDataSource(ics, "text/calendar; charset=UTF-8; method=" + method));
        }
    }

    String preferences(String personId) {
        return publicUrl + "/api/v1/people/" + personId + "/preferences";
    }

    String footer(String language, String personId) {
        return rendering.session().text(language, "footer", Map.of("preferences", preferences(personId)));
    }

    /**
     * {@code List-Unsubscribe} with one click (RFC 8058): a signed link that switches off the category's e-mail
     * ({@link UnsubscribeLinks#ALL} for a digest); the footer leads to all the preferences.
     */
    void unsubscribe(MimeMessage message, String personId, String category) throws MessagingException {
        message.setHeader("List-Unsubscribe", "<" + links.link(personId, category) + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static ConfigurableMimeFileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
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
