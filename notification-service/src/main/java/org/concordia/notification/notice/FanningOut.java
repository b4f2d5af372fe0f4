package org.concordia.notification.notice;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.notification.delivery.Deliveries;
import org.concordia.notification.delivery.Delivery;
import org.concordia.notification.delivery.Digests;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.model.Localized;
import org.concordia.notification.notice.model.Notice;
import org.concordia.notification.preference.PreferenceBook;
import org.concordia.notification.preference.model.Preferences;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.Reason;
import org.concordia.notification.recipient.Recipient;
import org.concordia.notification.recipient.Recipients;
import org.concordia.notification.webhook.Webhook;
import org.concordia.notification.webhook.Webhooks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a notice's audience (or several notices' audiences together), batch by batch: expand a batch from the read
 * model, read the batch's preferences,
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
        return fanOut(List.of(notice));
    }

    /**
     * Tells several notices' audiences together (the notices of one poll of events): their recipients share batches
     * of at most {@code batch-size}, so many small audiences cost the round trips of one batch.
     *
     * @return how many people the notices reached now
     */
    public long fanOut(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        arrangeWebhooks(notices);
        List<Told> pending = new ArrayList<>(Math.min(batchSize, 64));
        Map<Notice, Long> reached = new IdentityHashMap<>();
        // notices to named people are expanded together, with one read of their people; the others one by one
        List<Notice> named = new ArrayList<>();
        List<Audience.People> namedAudiences = new ArrayList<>();
        for (Notice notice : notices) {
            if (notice.audience() instanceof Audience.People people) {
                named.add(notice);
                namedAudiences.add(people);
            }
        }
        recipients.expandNamed(
                namedAudiences, batchSize, (index, batch) -> collect(named.get(index), batch, pending, reached));
        for (Notice notice : notices) {
            if (!(notice.audience() instanceof Audience.People)) {
                recipients.expand(notice.audience(), batchSize, batch -> collect(notice, batch, pending, reached));
            }
        }
        if (!pending.isEmpty()) {
            tell(pending, reached);
        }
        long total = 0;
        for (Map.Entry<Notice, Long> told : reached.entrySet()) {
            meters.counter(
                            "concordia.notifications.created",
                            "template",
                            told.getKey().template())
                    .increment(told.getValue());
            total += told.getValue();
        }
        return total;
    }

    /** A recipient of a notice. */
    private record Told(Notice notice, Recipient recipient) {}

    /** Adds a batch of the notice's recipients, telling those collected before first when together they are too many. */
    private void collect(Notice notice, List<Recipient> batch, List<Told> pending, Map<Notice, Long> reached) {
        if (!pending.isEmpty() && pending.size() + batch.size() > batchSize) {
            tell(pending, reached);
            pending.clear();
        }
        for (Recipient r : batch) {
            pending.add(new Told(notice, r));
        }
    }

    private void tell(List<Told> batch, Map<Notice, Long> reached) {
        Instant now = clock.instant();
        Map<String, Preferences> wanted = preferences.of(
                batch.stream().map(t -> t.recipient().personId()).distinct().toList());
        Rendering.Session session = rendering.session();
        Map<String, Notification> notifications = new LinkedHashMap<>();
        Map<String, Notice> noticeOf = new HashMap<>();
        // people of one language, zone and reason read the same text: rendered once per notice and batch
        Map<Notice, Map<List<Object>, Rendered>> texts = new IdentityHashMap<>();
        for (Told told : batch) {
            Notice notice = told.notice();
            Recipient r = told.recipient();
            String category = notice.category().code();
            Preferences p = wanted.getOrDefault(r.personId(), Preferences.defaults(r.personId()));
            Localized.Version written = notice.localized() == null
                    ? null
                    : notice.localized().choose(r.language()).version();
            Map<List<Object>, Rendered> rendered = texts.computeIfAbsent(notice, k -> new HashMap<>());
            Rendered text = written == null
                    ? rendered.computeIfAbsent(
                            Arrays.asList(r.language(), r.zone(), r.reason()),
                            k -> session.render(notice.template(), notice.args(), r.reason(), r.language(), r.zone()))
                    : rendered.computeIfAbsent(
                            Arrays.asList(written.language(), r.zone(), r.reason()),
                            k -> session.render(
                                            notice.template(), written.args(), r.reason(), written.language(), r.zone())
                                    .withHtml(written.html()));
            String id = notice.notificationId(r.personId());
            noticeOf.put(id, notice);
            notifications.put(
                    id,
                    new Notification(
                            id,
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
        List<Inbox.Pending> pending = inbox.store(List.copyOf(notifications.values()));
        List<Delivery> emails = new ArrayList<>(pending.size());
        List<Digests.Entry> digested = new ArrayList<>();
        Map<String, Delivery> digestMails = new LinkedHashMap<>();
        for (Inbox.Pending stored : pending) {
            Notification n = stored.notification();
            reached.merge(noticeOf.get(n.id()), 1L, Long::sum);
            Preferences p = wanted.getOrDefault(n.personId(), Preferences.defaults(n.personId()));
            if (!p.wants(n.category(), Preferences.EMAIL, n.transactional())) {
                continue;
            }
            if (!Delivery.addressed(n.email())) {
                // nothing to send to: recorded as skipped, with the reason, never queued
                emails.add(Delivery.unaddressed(n.id(), now));
                continue;
            }
            Instant due = p.emailDue(now, n.zone(), n.transactional());
            if (p.digested(n.transactional())) {
                Delivery digest = Delivery.digest(n.personId(), due);
                digested.add(new Digests.Entry(
                        digest.id(), n.personId(), n.id(), due, p.digest().code()));
                digestMails.putIfAbsent(digest.id(), digest);
            } else {
                emails.add(Delivery.email(n.id(), due));
            }
        }
        // the digest lists its notifications before its e-mail can be claimed
        digests.collect(digested);
        emails.addAll(digestMails.values());
        deliveries.arrange(emails);
        inbox.arranged(pending);
    }

    /** One signed POST per organization concerned, whoever of its members is told. */
    private void arrangeWebhooks(List<Notice> notices) {
        Set<String> organizations = new LinkedHashSet<>();
        notices.forEach(n -> organizations.addAll(n.organizations()));
        if (organizations.isEmpty()) {
            return;
        }
        List<Webhook> enabled = webhooks.enabled(organizations);
        if (enabled.isEmpty()) {
            return;
        }
        List<Delivery> posts = new ArrayList<>();
        for (Notice notice : notices) {
            List<Webhook> endpoints = enabled.stream()
                    .filter(w -> notice.organizations().contains(w.organizationId()))
                    .toList();
            if (!endpoints.isEmpty()) {
                posts.addAll(webhookPosts(notice, endpoints));
            }
        }
        deliveries.arrange(posts);
    }

    /** One signed POST per organization concerned, whoever of its members is told. */
    private List<Delivery> webhookPosts(Notice notice, List<Webhook> endpoints) {
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
        return posts;
    }
}
