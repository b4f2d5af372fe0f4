package org.concordia.notification.recipient;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Expands audiences against the read model, and answers what reminders need about a meeting. */
public interface Recipients {

    /**
     * Calls {@code batch} with the audience's recipients, at most {@code batchSize} at a time, reading the read
     * model with a cursor. A person is in one batch at most once; across batches the caller's deterministic ids
     * keep them from being told twice.
     */
    void expand(Audience audience, int batchSize, Consumer<List<Recipient>> batch);

    /**
     * Expands several audiences of named people together: one read of the read model for up to {@code batchSize}
     * people of all of them, rather than one per audience. Calls {@code batch} with the index of an audience in
     * {@code audiences} and its recipients, audience after audience, at most {@code batchSize} at a time; a person
     * named twice in one audience is told once, with the first reason, as {@link #expand} does.
     */
    void expandNamed(List<Audience.People> audiences, int batchSize, BiConsumer<Integer, List<Recipient>> batch);

    Optional<KnownMeeting> meeting(String meetingId);

    /** The organization's name as last learnt, for texts. */
    Optional<String> organizationName(String organizationId);
}
