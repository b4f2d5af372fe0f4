package org.concordia.organization.organization.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** An organization followed by its ancestors up to the root: a chapter's way up its movement. */
public final class Lineage {

    private static final Lineage NONE = new Lineage(List.of());

    private final List<Organization> line;

    private Lineage(List<Organization> line) {
        this.line = List.copyOf(line);
    }

    public static Lineage none() {
        return NONE;
    }

    /**
     * Walks up from {@code start}, looking each parent up. Stops at a parent that no longer exists, at a repeated
     * organization (a cycle that concurrent writes slipped past the rule) and after {@link Organization#MAX_DEPTH}
     * steps beyond the limit, so that it always ends.
     */
    public static Lineage from(Organization start, Function<String, Optional<Organization>> lookup) {
        List<Organization> line = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Organization current = start;
        while (current != null && seen.add(current.id()) && line.size() <= Organization.MAX_DEPTH) {
            line.add(current);
            current = current.parentId() == null
                    ? null
                    : lookup.apply(current.parentId()).orElse(null);
        }
        return new Lineage(line);
    }

    /** Id of the first organization, the parent when this is a parent line; {@code null} when empty. */
    public String head() {
        return line.isEmpty() ? null : line.get(0).id();
    }

    public Organization parent() {
        return line.get(0);
    }

    public boolean contains(String id) {
        return line.stream().anyMatch(organization -> organization.id().equals(id));
    }

    public boolean isEmpty() {
        return line.isEmpty();
    }

    public int size() {
        return line.size();
    }

    /** The organizations, first to root. */
    public List<Organization> organizations() {
        return line;
    }
}
