package org.concordia.notification.notice.model;

import java.util.List;
import java.util.Map;
import org.concordia.notification.recipient.Audience;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell an audience once: the source (an event's {@code ce_id}, or an announcement's id) and the
 * purpose make each recipient's notification id, {@code <sourceId>:<personId>:<purpose>}.
 *
 * @param template the message key of the rendering bundles, e.g. {@code meeting.rescheduled}
 * @param transactional never held back by a digest or an opt-out of the category
 * @param args the message's arguments: instants are shown in the recipient's zone, numbers choose plurals
 * @param organizations the organizations it concerns, whose webhooks receive it
 * @param localized texts a person wrote per language, chosen per recipient; null when the bundles render it
 */
public record Notice(
        String sourceId,
        String type,
        String purpose,
        String template,
        Category category,
        boolean transactional,
        Audience audience,
        Map<String, Object> args,
        @Nullable Invitation invitation,
        List<String> organizations,
        @Nullable Localized localized) {

    public Notice {
        args = Map.copyOf(args);
        organizations = List.copyOf(organizations);
    }

    public Notice(
            String sourceId,
            String type,
            String purpose,
            String template,
            Category category,
            boolean transactional,
            Audience audience,
            Map<String, Object> args,
            @Nullable Invitation invitation,
            List<String> organizations) {
        this(
                sourceId,
                type,
                purpose,
                template,
                category,
                transactional,
                audience,
                args,
                invitation,
                organizations,
                null);
    }

    public String notificationId(String personId) {
        return sourceId + ":" + personId + ":" + purpose;
    }
}
