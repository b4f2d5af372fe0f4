package org.concordia.notification.announcement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.concordia.contracts.announcement.AnnouncementCorrected;
import org.concordia.contracts.announcement.AnnouncementPublished;
import org.concordia.contracts.announcement.AnnouncementTarget;
import org.concordia.contracts.announcement.AnnouncementText;
import org.concordia.notification.announcement.model.Markdown;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.notice.FanningOut;
import org.concordia.notification.notice.model.Category;
import org.concordia.notification.notice.model.Localized;
import org.concordia.notification.notice.model.Notice;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.web.util.HtmlUtils;

/**
 * The fan-out of announcements: consumes {@code announcement-events} (deduplicated on {@code ce_id}) and hands
 * each announcement to the notification pipeline as a notice with a text per language. Notification ids are
 * {@code <announcementId>:<personId>:announcement} and {@code <announcementId>:r<revision>:<personId>:correction},
 * so a replay, a redelivery or a second instance tells nobody twice. The Markdown is rendered and sanitized here,
 * where it is shown.
 */
@Configuration(proxyBeanMethods = false)
class Announcing {

    static final String PURPOSE = "announcement";
    static final String CORRECTION = "correction";

    /** A target kind a later version adds names nobody this version could address. */
    private static final java.util.Set<String> KNOWN = java.util.Arrays.stream(Target.Kind.values())
            .map(Target.Kind::code)
            .collect(java.util.stream.Collectors.toSet());

    private final FanningOut fanningOut;

    Announcing(FanningOut fanningOut) {
        this.fanningOut = fanningOut;
    }

    @Bean
    Consumer<Message<byte[]>> fanOutAnnouncements(IdempotentConsumers consumers) {
        return consumers.consumer(
                "fanOutAnnouncements",
                EventHandlers.create()
                        .on(AnnouncementPublished.class, e -> fanningOut.fanOut(notice(e)))
                        .on(AnnouncementCorrected.class, e -> fanningOut.fanOut(notice(e))));
    }

    static Notice notice(AnnouncementPublished e) {
        return notice(
                e.announcementId(),
                "announcement.published",
                PURPOSE,
                e.organizationId(),
                e.organizationName(),
                e.organizationLanguages(),
                e.authorName(),
                e.texts(),
                e.targets(),
                null);
    }

    static Notice notice(AnnouncementCorrected e) {
        return notice(
                e.announcementId() + ":r" + e.revision(),
                "announcement.corrected",
                CORRECTION,
                e.organizationId(),
                e.organizationName(),
                e.organizationLanguages(),
                e.authorName(),
                e.texts(),
                e.targets(),
                e.changeNote() == null ? "" : e.changeNote());
    }

    private static Notice notice(
            String sourceId,
            String template,
            String purpose,
            String organizationId,
            String organizationName,
            List<String> organizationLanguages,
            String authorName,
            List<AnnouncementText> texts,
            List<AnnouncementTarget> targets,
            @Nullable String note) {
        List<Localized.Version> versions = new ArrayList<>();
        for (AnnouncementText text : texts) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("subject", text.subject());
            args.put("text", Markdown.text(text.body()));
            args.put("author", authorName);
            args.put("organization", organizationName);
            if (note != null) {
                args.put("note", note);
            }
            String signature = "<p>\u2014 " + HtmlUtils.htmlEscape(authorName) + ", "
                    + HtmlUtils.htmlEscape(organizationName) + "</p>";
            versions.add(new Localized.Version(text.language(), args, Markdown.html(text.body()) + signature));
        }
        List<Target> parsed = targets.stream()
                .filter(t -> KNOWN.contains(t.kind()))
                .map(Announcing::target)
                .toList();
        List<String> organizations = new ArrayList<>(List.of(organizationId));
        Audiences.organizations(parsed).stream()
                .filter(o -> !organizations.contains(o))
                .forEach(organizations::add);
        return new Notice(
                sourceId,
                template,
                purpose,
                template,
                Category.ANNOUNCEMENTS,
                false,
                Audiences.of(parsed),
                versions.get(0).args(),
                null,
                organizations,
                new Localized(versions, organizationLanguages));
    }

    private static Target target(AnnouncementTarget t) {
        return new Target(Target.Kind.of(t.kind()), t.organizationId(), t.projectId(), t.meetingId(), t.roles());
    }
}
