package org.concordia.notification.announcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Announcements;
import org.concordia.notification.announcement.model.TooManyAnnouncements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A coordinator writes an announcement for an organization: checked (author, texts, targets, time), limited per
 * organization, stored; when it goes out at once, its event is stored in the same write.
 */
@Service
public class Writing {

    private final Announcements announcements;
    private final Authoring authoring;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    Writing(
            Announcements announcements,
            Authoring authoring,
            Clock clock,
            @Value("${concordia.notification.announcements.rate-limit.count:10}") int limit,
            @Value("${concordia.notification.announcements.rate-limit.window:PT1H}") Duration window) {
        this.announcements = announcements;
        this.authoring = authoring;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    public Announcement write(String organizationId, Draft draft) {
        return write(UUID.randomUUID().toString(), organizationId, draft);
    }

    /**
     * Writes with a given id, so that writing the same announcement again is refused.
     *
     * @throws org.springframework.dao.DuplicateKeyException when an announcement with the id exists
     */
    public Announcement write(String id, String organizationId, Draft draft) {
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
        if (announcements.writtenSince(organization.id(), now.minus(window)) >= limit) {
            throw new TooManyAnnouncements(
                    organization.name() + " wrote " + limit + " announcements in the last " + window.toMinutes()
                            + " minutes, as many as an organization may; a mistake must not flood a network",
                    window);
        }
        return announcements.add(announcement);
    }
}
