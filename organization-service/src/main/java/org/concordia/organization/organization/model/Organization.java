package org.concordia.organization.organization.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.domain.RuleViolationException;

/**
 * An organization in the directory: a movement, a coordination centre, an NGO, a municipality, a network. It may
 * be the chapter or representation of a parent organization; the parents form a tree, never a cycle. An archived
 * organization stays readable but takes part in nothing new.
 */
public final class Organization {

    /** Deeper trees than this are a data error rather than a structure anyone coordinates. */
    public static final int MAX_DEPTH = 12;

    private final String id;
    private final Long version;
    private OrganizationDetails details;
    private String parentId;
    private final Instant registeredAt;
    private Instant archivedAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private Organization(
            String id,
            Long version,
            OrganizationDetails details,
            String parentId,
            Instant registeredAt,
            Instant archivedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.details = Objects.requireNonNull(details, "details");
        this.parentId = parentId;
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.archivedAt = archivedAt;
    }

    /**
     * Registers a new organization.
     *
     * @param parentLine the intended parent followed by its ancestors up to the root; empty for a root organization
     */
    public static Organization register(String id, OrganizationDetails details, Lineage parentLine, Clock clock) {
        Instant now = now(clock);
        String parentId = parentLine.head();
        checkParent(id, parentLine);
        Organization organization = new Organization(id, null, details, parentId, now, null);
        organization.events.add(new OrganizationRegistered(
                id,
                details.name(),
                details.shortName(),
                details.kind().code(),
                details.country(),
                details.city(),
                details.website(),
                details.languages(),
                details.description(),
                parentId,
                now));
        return organization;
    }

    /** An organization as it was stored, with no pending events. */
    public static Organization restore(
            String id,
            long version,
            OrganizationDetails details,
            String parentId,
            Instant registeredAt,
            Instant archivedAt) {
        return new Organization(id, version, details, parentId, registeredAt, archivedAt);
    }

    /**
     * Replaces the details and the parent.
     *
     * @param parentLine the new parent followed by its ancestors up to the root; empty to make this a root
     * @return whether anything changed; an unchanged organization records no event
     */
    public boolean change(OrganizationDetails newDetails, Lineage parentLine, Clock clock) {
        Objects.requireNonNull(newDetails, "details");
        if (isArchived()) {
            throw new RuleViolationException("Organization " + id + " is archived and can no longer be changed");
        }
        String newParentId = parentLine.head();
        if (newDetails.equals(details) && Objects.equals(newParentId, parentId)) {
            return false;
        }
        if (!Objects.equals(newParentId, parentId)) {
            checkParent(id, parentLine);
        }
        details = newDetails;
        parentId = newParentId;
        events.add(new OrganizationUpdated(
                id,
                details.name(),
                details.shortName(),
                details.kind().code(),
                details.country(),
                details.city(),
                details.website(),
                details.languages(),
                details.description(),
                parentId,
                nextVersion(),
                now(clock)));
        return true;
    }

    /** @return whether this archived it; archiving an archived organization changes nothing */
    public boolean archive(Clock clock) {
        if (isArchived()) {
            return false;
        }
        archivedAt = now(clock);
        events.add(new OrganizationArchived(id, details.name(), archivedAt));
        return true;
    }

    /** Refuses anything new (members, chapters, partnerships) once archived. */
    public void requireActive(String field) {
        if (isArchived()) {
            throw new RuleViolationException(
                    "Organization " + id + " (" + details.name() + ") is archived and takes part in nothing new",
                    field);
        }
    }

    private static void checkParent(String id, Lineage parentLine) {
        if (parentLine.isEmpty()) {
            return;
        }
        if (parentLine.contains(id)) {
            throw new RuleViolationException(
                    "Organization " + id + " cannot become a chapter of " + parentLine.head()
                            + ": it would become its own ancestor",
                    "parentId");
        }
        parentLine.parent().requireActive("parentId");
        if (parentLine.size() >= MAX_DEPTH) {
            throw new RuleViolationException(
                    "Chapters may be nested at most " + MAX_DEPTH + " levels deep", "parentId");
        }
    }

    private long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    private static Instant now(Clock clock) {
        // stored with millisecond precision; the API should show the same instant before and after a read
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The events recorded since the last call, to be stored with this state. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public String id() {
        return id;
    }

    /** The version this state was read at; {@code null} before it is first stored. */
    public Long version() {
        return version;
    }

    public OrganizationDetails details() {
        return details;
    }

    public String name() {
        return details.name();
    }

    public String parentId() {
        return parentId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }
}
