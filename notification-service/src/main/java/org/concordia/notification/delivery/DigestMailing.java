package org.concordia.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.Rendering;
import org.concordia.notification.preference.UnsubscribeLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The digest channel: everything a person's daily or weekly digest collected, as one e-mail (plain text and HTML,
 * UTF-8, in their language, each meeting's {@code .ics} attached), at the local hour they chose. Being a delivery,
 * it is claimed with a lease and recorded as sent, so it goes out once whatever the number of instances and
 * restarts; its Message-ID derives from the digest's id.
 */
@Component
class DigestMailing implements Channel {

    private final Digests digests;
    private final Inbox inbox;
    private final Mailing mailing;
    private final ObjectProvider<JavaMailSender> sender;
    private final Rendering rendering;

    DigestMailing(
            Digests digests, Inbox inbox, Mailing mailing, ObjectProvider<JavaMailSender> sender, Rendering rendering) {
        this.digests = digests;
        this.inbox = inbox;
        this.mailing = mailing;
        this.sender = sender;
        this.rendering = rendering;
    }

    @Override
    public String name() {
        return Delivery.DIGEST;
    }

    @Override
    public void send(Delivery delivery) {
        Digests.Collected digest = digests.find(delivery.id())
                .orElseThrow(() -> new Undeliverable("No digest " + delivery.id(), true, null));
        List<Notification> listed = new ArrayList<>();
        for (String id : digest.notificationIds()) {
            inbox.find(id).ifPresent(listed::add);
        }
        if (listed.isEmpty()) {
            throw new Undeliverable("The digest " + delivery.id() + " lists no notification", true, null);
        }
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new Undeliverable("No SMTP server is configured (spring.mail.host)", false, null);
        }
        try {
            mail.send(message(digest, listed, mail));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            throw new Undeliverable(e.getMessage() == null ? e.toString() : e.getMessage(), false, e);
        }
    }

    MimeMessage message(Digests.Collected digest, List<Notification> listed, JavaMailSender mail)
            throws MessagingException, UnsupportedEncodingException {
        Notification latest = listed.get(listed.size() - 1);
        String language = latest.text().language();
        Rendering.Session texts = rendering.session();
        Map<String, Object> args = Map.of("period", digest.period(), "count", listed.size());
        String subject = texts.text(language, "digest.title", args);
        MimeMessage message = Mailing.message(digest.digestId(), mail);
        MimeMessageHelper helper = mailing.helper(message, latest.name(), latest.email(), subject);
        StringBuilder plain = new StringBuilder(texts.text(language, "digest.intro", args)).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language)
                .append("\"><body><h1>")
                .append(HtmlUtils.htmlEscape(subject))
                .append("</h1><ol>");
        for (Notification n : listed) {
            plain.append("* ")
                    .append(n.text().title())
                    .append("\n  ")
                    .append(n.text().body())
                    .append("\n  ")
                    .append(n.text().reason())
                    .append("\n\n");
            html.append("<li><p><strong>")
                    .append(HtmlUtils.htmlEscape(n.text().title()))
                    .append("</strong></p><p>")
                    .append(HtmlUtils.htmlEscape(n.text().body()))
                    .append("</p><p><small>")
                    .append(HtmlUtils.htmlEscape(n.text().reason()))
                    .append("</small></p></li>");
        }
        String footer = mailing.footer(language, digest.personId());
        plain.append("-- \n").append(footer);
        html.append("</ol><hr><p><small>").append(HtmlUtils.htmlEscape(footer)).append("</small></p></body></html>");
        helper.setText(plain.toString(), html.toString());
        int invitation = 0;
        for (Notification n : listed) {
            if (n.invitation() != null) {
                mailing.attachInvitation(helper, n, "invite-" + ++invitation + ".ics");
            }
        }
        mailing.unsubscribe(message, digest.personId(), UnsubscribeLinks.ALL);
        message.setHeader("X-Concordia-Digest", digest.digestId());
        return message;
    }
}
