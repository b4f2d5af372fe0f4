package org.concordia.contracts.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * An announcement went out: now, or at the time its author chose.
 *
 * @param organizationId The organization the announcement speaks for.
 * @param organizationName Its name, in its own language and script.
 * @param organizationLanguages Its working languages, most used first: a recipient none of whose languages was
 *    written gets the first of these that was, else the first written.
 * @param authorPersonId The coordinator who wrote it.
 * @param texts Subject and Markdown body per language, in the order written.
 * @param targets Who it is for; a person several targets name is told once.
 * @param revision 1 for the announcement as it went out; corrections carry higher revisions.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record AnnouncementPublished(
        String announcementId,
        String organizationId,
        String organizationName,
        List<String> organizationLanguages,
        String authorPersonId,
        String authorName,
        List<AnnouncementText> texts,
        List<AnnouncementTarget> targets,
        int revision,
        Instant occurredAt)
        implements DomainEvent {

    public AnnouncementPublished {
        Objects.requireNonNull(announcementId, "announcementId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationName, "organizationName");
        organizationLanguages = organizationLanguages == null ? List.of() : List.copyOf(organizationLanguages);
        Objects.requireNonNull(authorPersonId, "authorPersonId");
        Objects.requireNonNull(authorName, "authorName");
        texts = texts == null ? List.of() : List.copyOf(texts);
        targets = targets == null ? List.of() : List.copyOf(targets);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return announcementId;
    }
}
