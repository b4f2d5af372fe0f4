package org.concordia.notification.announcement;

import java.time.Clock;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Announcements;
import org.concordia.notification.announcement.model.Text;
import org.concordia.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Changing an announcement: edit or cancel it until it goes out, correct it afterwards. */
@Service
public class Editing {

    private final Announcements announcements;
    private final Authoring authoring;
    private final Clock clock;

    Editing(Announcements announcements, Authoring authoring, Clock clock) {
        this.announcements = announcements;
        this.authoring = authoring;
        this.clock = clock;
    }

    /** The organization's announcements, newest first. */
    public org.springframework.data.domain.Page<Announcement> ofOrganization(
            String organizationId, int page, int size) {
        return org.concordia.platform.application.Paging.page(
                page,
                size,
                announcements.countOfOrganization(organizationId),
                (offset, limit) -> announcements.ofOrganization(organizationId, offset, limit));
    }

    public Announcement find(String id) {
        return announcements.byId(id).orElseThrow(() -> new NotFoundException("Announcement", id));
    }

    public Announcement edit(String id, @Nullable Long expectedVersion, Draft draft) {
        Announcement announcement = authorized(id, expectedVersion, draft.authorPersonId());
        Directory.Organization organization =
                authoring.organization(announcement.state().organizationId());
        announcement.edit(draft.texts(), draft.targets(), draft.sendAt(), draft.timeZone(), clock.instant());
        authoring.within(organization, draft.targets());
        return announcements.update(announcement);
    }

    public Announcement cancel(String id, @Nullable Long expectedVersion, String authorPersonId) {
        Announcement announcement = authorized(id, expectedVersion, authorPersonId);
        announcement.cancel();
        return announcements.update(announcement);
    }

    public Announcement correct(
            String id,
            @Nullable Long expectedVersion,
            String authorPersonId,
            java.util.List<Text> texts,
            @Nullable String note) {
        Announcement announcement = authorized(id, expectedVersion, authorPersonId);
        announcement.correct(texts, note, clock.instant());
        return announcements.update(announcement);
    }

    private Announcement authorized(String id, @Nullable Long expectedVersion, String authorPersonId) {
        Announcement announcement = find(id);
        authoring.author(
                authorPersonId, authoring.organization(announcement.state().organizationId()));
        if (expectedVersion != null
                && !expectedVersion.equals(announcement.state().version())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Announcement " + id + " is at version "
                    + announcement.state().version());
        }
        return announcement;
    }
}
