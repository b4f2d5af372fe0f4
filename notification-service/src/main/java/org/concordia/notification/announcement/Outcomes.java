package org.concordia.notification.announcement;

import java.util.List;
import java.util.function.Consumer;

/** What came of an announcement: its notifications (read or not) and their deliveries per channel. */
public interface Outcomes {

    /** One person's notification. */
    record Told(String personId, boolean inApp, boolean read) {}

    /** How many deliveries on a channel are in a status. */
    record Sent(String channel, String status, long count) {}

    /** The notifications of the source with the purpose, a batch at a time. */
    void told(String sourceId, String purpose, int batchSize, Consumer<List<Told>> batch);

    /** The deliveries of the source's notifications with the purpose, and of its webhooks. */
    List<Sent> deliveries(String sourceId, String purpose);

    /** How many notifications the sources starting with {@code sourcePrefix} and having the purpose gave. */
    long count(String sourcePrefix, String purpose);
}
