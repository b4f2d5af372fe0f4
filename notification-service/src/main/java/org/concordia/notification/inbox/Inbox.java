package org.concordia.notification.inbox;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where notifications are kept, and each person's inbox. */
public interface Inbox {

    /**
     * Stores the notifications and puts them into their people's inboxes, with a few bulk writes whatever the
     * batch size. Idempotent: notifications stored before are not stored again; those not finished (a crash before
     * {@link #arranged(List)}) are returned again.
     *
     * @return the ids whose deliveries are still to be arranged, then {@link #arranged(List)}
     */
    List<String> store(List<Notification> notifications);

    /**
     * Finishes these notifications once their deliveries are arranged: counts them into their people's unread
     * counts, which also tells a repeat of the fan-out that they are done.
     */
    void arranged(List<Notification> notifications);

    Optional<Notification> find(String id);

    /** Newest first. */
    List<InboxItem> page(String personId, int offset, int limit, boolean unreadOnly);

    Counts counts(String personId);

    /** @return false when it was read already; empty when the person has no such notification */
    Optional<Boolean> markRead(String personId, String notificationId);

    /** @return how many were unread */
    long markAllRead(String personId);

    /** The notifications that came after {@code lastId} (all kept ones if null), oldest first, at most limit. */
    List<InboxItem> after(String personId, @Nullable String lastId, int limit);

    record Counts(long total, long unread) {}
}
