package org.concordia.notification.inbox;

import java.util.List;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** A person reads their inbox: pages of it, how much is unread, marking read. */
@Service
public class Reading {

    private final Inbox inbox;

    Reading(Inbox inbox) {
        this.inbox = inbox;
    }

    public Page<InboxItem> page(String personId, boolean unreadOnly, int page, int size) {
        Inbox.Counts counts = inbox.counts(personId);
        long total = unreadOnly ? counts.unread() : counts.total();
        return Paging.page(page, size, total, (offset, limit) -> inbox.page(personId, offset, limit, unreadOnly));
    }

    public Inbox.Counts counts(String personId) {
        return inbox.counts(personId);
    }

    /** @return whether it was unread until now */
    public boolean markRead(String personId, String notificationId) {
        return inbox.markRead(personId, notificationId)
                .orElseThrow(() -> new NotFoundException("Notification", notificationId));
    }

    public long markAllRead(String personId) {
        return inbox.markAllRead(personId);
    }

    /** What came after the last one a client saw; with no last one, nothing that is there already. */
    public List<InboxItem> after(String personId, @Nullable String lastId, int limit) {
        return inbox.after(personId, lastId, limit);
    }

    public @Nullable String newest(String personId) {
        List<InboxItem> newest = inbox.page(personId, 0, 1, false);
        return newest.isEmpty() ? null : newest.get(0).id();
    }
}
