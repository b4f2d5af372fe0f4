package org.concordia.notification.notice;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.notification.delivery.Deliveries;
import org.concordia.notification.delivery.Delivery;
import org.concordia.notification.delivery.Digests;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.model.Localized;
import org.concordia.notification.notice.model.Notice;
import org.concordia.notification.preference.PreferenceBook;
import org.concordia.notification.preference.model.Preferences;
import org.concordia.notification.recipient.Reason;
import org.concordia.notification.recipient.Recipient;
import org.concordia.notification.recipient.Recipients;
import org.concordia.notification.webhook.Webhook;
import org.concordia.notification.webhook.Webhooks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a notice's audience, batch by batch: expand a batch from the read model, read the batch's preferences,
 * render each person's text, store the notifications in their inboxes, arrange their e-mails (or add them to their
 * daily or weekly digests). Nothing holds more
 * than a batch; every write is a bulk write keyed by deterministic ids, so a repeat after a crash finishes what was
 * left and duplicates nothing. Works for any notice, from an event or not.
 */
@Service
public class FanningOut {

    private final Recipients recipients;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Digests digests;
    private final PreferenceBook preferences;
    private final Webhooks webhooks;
    private final Rendering rendering;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int batchSize;
    private final JsonMapper json = JsonMapper.builder().build();

    FanningOut(
            Recipients recipients,
            Inbox inbox,
            Deliveries deliveries,
            Digests digests,
            PreferenceBook preferences,
            Webhooks webhooks,
            Rendering rendering,
            Clock clock,
            MeterRegistry meters,
            @Value("${concordia.notification.fan-out.batch-size:1000}") int batchSize) {
        this.recipients = recipients;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.digests = digests;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.rendering = rendering;
        this.clock = clock;
        this.meters = meters;
        this.batchSize = batchSize;
    }

    /** @return how many people the notice reached now (0 when it had reached them all before) */
    public long fanOut(Notice notice) {
        arrangeWebhooks(notice);
        long[] reached = {0};
        recipients.expand(notice.audience(), batchSize, batch -> reached[0] += tell(notice, batch));
        meters.counter("concordia.notifications.created", "template", notice.template())
                .increment(reached[0]);
        return reached[0];
    }

    private int tell(Notice notice, List<Recipient> batch) {
        Instant now = clock.instant();
        Map<String, Preferences> wanted =
                preferences.of(batch.stream().map(Recipient::personId).toList());
        Rendering.Session session = rendering.session();
        String category = notice.category().code();
        Map<String, Notification> notifications = new LinkedHashMap<>();
        // people of one language, zone and reason read the same text: rendered once per batch
        Map<List<Object>, Rendered> texts = new HashMap<>();
        for (Recipient r : batch) {
            Preferences p = wanted.getOrDefault(r.personId(), Preferences.defaults(r.personId()));
            Localized.Version written = notice.localized() == null
                    ? null
                    : notice.localized().choose(r.language()).version();
            Rendered text = written == null
                    ? texts.computeIfAbsent(
                            java.util.Arrays.asList(r.language(), r.zone(), r.reason()),
                            k -> session.render(notice.template(), notice.args(), r.reason(), r.language(), r.zone()))
                    : texts.computeIfAbsent(
                            java.util.Arrays.asList(written.language(), r.zone(), r.reason()),
                            k -> session.render(
                                            notice.template(), written.args(), r.reason(), written.language(), r.zone())
                                    .withHtml(written.html()));
            notifications.put(
                    notice.notificationId(r.personId()),
                    new Notification(
                            notice.notificationId(r.personId()),
                            notice.sourceId(),
                            notice.type(),
                            notice.purpose(),
                            category,
                            notice.transactional(),
                            r.personId(),
                            r.name(),
                            r.email(),
                            r.zone(),
                            text,
                            notice.invitation(),
                            p.wants(category, Preferences.IN_APP, notice.transactional()),
                            now));
        }
        List<String> pending = inbox.store(List.copyOf(notifications.values()));
        List<Delivery> emails = new ArrayList<>(pending.size());
        List<Digests.Entry> digested = new ArrayList<>();
        Map<String, Delivery> digestMails = new LinkedHashMap<>();
        for (String id : pending) {
            Notification n = notifications.get(id);
            Preferences p = wanted.getOrDefault(n.personId(), Preferences.defaults(n.personId()));
            if (!p.wants(category, Preferences.EMAIL, n.transactional())) {
                continue;
            }
            if (!Delivery.addressed(n.email())) {
                // nothing to send to: recorded as skipped, with the reason, never queued
                emails.add(Delivery.unaddressed(id, now));
                continue;
            }
            Instant due = p.emailDue(now, n.zone(), n.transactional());
            if (p.digested(n.transactional())) {
                Delivery digest = Delivery.digest(n.personId(), due);
                digested.add(new Digests.Entry(
                        digest.id(), n.personId(), id, due, p.digest().code()));
                digestMails.putIfAbsent(digest.id(), digest);
            } else {
                emails.add(Delivery.email(id, due));
            }
        }
        // the digest lists its notifications before its e-mail can be claimed
        digests.collect(digested);
        emails.addAll(digestMails.values());
        deliveries.arrange(emails);
        inbox.arranged(pending.stream().map(notifications::get).toList());
        return pending.size();
    }

    /** One signed POST per organization concerned, whoever of its members is told. */
    private void arrangeWebhooks(Notice notice) {
        if (notice.organizations().isEmpty()) {
            return;
        }
        List<Webhook> endpoints = webhooks.enabled(notice.organizations());
        if (endpoints.isEmpty()) {
            return;
        }
        Rendered text = rendering.render(notice.template(), notice.args(), Reason.of("about_you"), "en", "UTC");
        Instant now = clock.instant();
        List<Delivery> posts = new ArrayList<>();
        for (Webhook endpoint : endpoints) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", notice.sourceId() + ":" + endpoint.organizationId() + ":webhook");
            body.put("type", notice.type());
            body.put("template", notice.template());
            body.put("organizationId", endpoint.organizationId());
            body.put("title", text.title());
            body.put("body", text.body());
            body.put("createdAt", now.toString());
            Map<String, String> data = new LinkedHashMap<>();
            notice.args().forEach((k, v) -> data.put(k, String.valueOf(v)));
            body.put("data", data);
            posts.add(
                    Delivery.webhook(notice.sourceId(), endpoint.organizationId(), json.writeValueAsString(body), now));
        }
        deliveries.arrange(posts);
    }
}
