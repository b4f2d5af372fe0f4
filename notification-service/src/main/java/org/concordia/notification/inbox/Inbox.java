package org.concordia.notification.inbox;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where notifications are kept, and each person's inbox. */
public interface Inbox {

    /**
     * Stores the notifications and chooses where each goes in its person's inbox, with one bulk insert and two
     * {@code _id} reads whatever the batch size. Idempotent: notifications stored before are not stored again; those
     * not finished (a crash before {@link #arranged(List)}) are returned again, with the place chosen then.
     *
     * @return the notifications whose deliveries are still to be arranged, then {@link #arranged(List)}
     */
    List<Pending> store(List<Notification> notifications);

    /**
     * Finishes these notifications once their deliveries are arranged: puts the in-app ones into their people's
     * inboxes (one bulk write), which also tells a repeat of the fan-out that they are done.
     */
    void arranged(List<Pending> notifications);

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

    /**
     * A notification stored and not finished yet.
     *
     * @param place where it goes in its person's inbox (the bucket chosen when it was stored)
     * @param opens whether that bucket did not exist when it was chosen: the notification starts it
     */
    record Pending(Notification notification, long place, boolean opens) {

        public String id() {
            return notification.id();
        }
    }
}
