package org.concordia.meeting.directory;

import java.util.List;

/** A person's active membership of an organization, with its role codes. */
public record KnownMembership(String organizationId, String personId, List<String> roles) {

    public boolean hasAnyRole(List<String> wanted) {
        return wanted.isEmpty() || roles.stream().anyMatch(wanted::contains);
    }
}
