package org.concordia.notification.recipient;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Expands audiences against the read model, and answers what reminders need about a meeting. */
public interface Recipients {

    /**
     * Calls {@code batch} with the audience's recipients, at most {@code batchSize} at a time, reading the read
     * model with a cursor. A person is in one batch at most once; across batches the caller's deterministic ids
     * keep them from being told twice.
     */
    void expand(Audience audience, int batchSize, Consumer<List<Recipient>> batch);

    Optional<KnownMeeting> meeting(String meetingId);

    /** The organization's name as last learnt, for texts. */
    Optional<String> organizationName(String organizationId);
}
