package org.concordia.notification.announcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Announcements;
import org.concordia.notification.announcement.model.Quotas;
import org.concordia.notification.announcement.model.TooManyAnnouncements;
import org.concordia.platform.application.Created;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A coordinator writes an announcement for an organization: checked (author, texts, targets, time), limited per
 * organization, stored; when it goes out at once, its event is stored in the same write. Writing with an id that
 * exists answers the announcement written first (a retried request with the same {@code Idempotency-Key}), and
 * takes nothing of the rate limit.
 */
@Service
public class Writing {

    private final Announcements announcements;
    private final Quotas quotas;
    private final Authoring authoring;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    Writing(
            Announcements announcements,
            Quotas quotas,
            Authoring authoring,
            Clock clock,
            @Value("${concordia.notification.announcements.rate-limit.count:10}") int limit,
            @Value("${concordia.notification.announcements.rate-limit.window:PT1H}") Duration window) {
        this.announcements = announcements;
        this.quotas = quotas;
        this.authoring = authoring;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    public Created<Announcement> write(String organizationId, Draft draft) {
        return write(UUID.randomUUID().toString(), organizationId, draft);
    }

    /** Writes with a given id; when an announcement with the id exists, answers that one, changing nothing. */
    public Created<Announcement> write(String id, String organizationId, Draft draft) {
        var first = announcements.byId(id);
        if (first.isPresent()) {
            return Created.existing(first.get());
        }
        Directory.Organization organization = authoring.organization(organizationId);
        Announcement.Author author = authoring.author(draft.authorPersonId(), organization);
        Instant now = clock.instant();
        Announcement announcement = Announcement.write(
                id,
                new Announcement.Sender(organization.id(), organization.name(), organization.languages()),
                author,
                draft.texts(),
                draft.targets(),
                draft.sendAt(),
                draft.timeZone(),
                now);
        authoring.within(organization, draft.targets());
        Quotas.Slot slot = quotas.take(organization.id(), limit, window, now)
                .orElseThrow(() -> new TooManyAnnouncements(
                        organization.name() + " wrote " + limit + " announcements in the last " + window.toMinutes()
                                + " minutes, as many as an organization may; a mistake must not flood a network",
                        quotas.untilFree(organization.id(), limit, now)));
        try {
            return Created.created(announcements.add(announcement));
        } catch (DuplicateKeyException written) {
            quotas.giveBack(slot);
            return Created.existing(announcements.byId(id).orElseThrow(() -> written));
        } catch (RuntimeException failed) {
            quotas.giveBack(slot);
            throw failed;
        }
    }
}
