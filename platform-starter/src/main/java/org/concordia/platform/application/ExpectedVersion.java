package org.concordia.platform.application;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The versions a change may apply to, as the client stated them in {@code If-Match}: {@link #any()} when it sent
 * none (or {@code *}), so the change applies to whatever version is current; otherwise {@link #oneOf} the versions
 * its strong ETags named. An empty list (every tag was weak, or none was this API's) matches nothing.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(null);

    /** {@code null}: any version */
    private final @Nullable Set<Long> versions;

    private ExpectedVersion(@Nullable Set<Long> versions) {
        this.versions = versions;
    }

    /** No precondition: the change applies to the current version. */
    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion oneOf(Collection<Long> versions) {
        return new ExpectedVersion(Set.copyOf(versions));
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version));
    }

    /** Whether the client named versions, so that a change must not be applied to any other. */
    public boolean isConditional() {
        return versions != null;
    }

    /** The versions the client named; empty for {@link #any()}. */
    public Set<Long> versions() {
        return versions == null ? Set.of() : versions;
    }

    public boolean isSatisfiedBy(long version) {
        return versions == null || versions.contains(version);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ExpectedVersion that
                && (versions == null ? that.versions == null : versions.equals(that.versions));
    }

    @Override
    public int hashCode() {
        return versions == null ? 0 : versions.hashCode();
    }

    @Override
    public String toString() {
        return versions == null ? "any version" : "version " + new TreeSet<>(versions);
    }
}
