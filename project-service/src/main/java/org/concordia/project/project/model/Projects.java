package org.concordia.project.project.model;

import java.util.List;
import java.util.Optional;

/** The stored projects. Writes store a project with the events it recorded, atomically. */
public interface Projects {

    Optional<Project> byId(String id);

    /** @throws RuntimeException a duplicate-key error when the id is taken */
    Project add(Project project);

    /** @throws RuntimeException an optimistic-locking error when it changed since it was read */
    Project update(Project project);

    /** One page of the matching projects, by title, then id, so that pages are stable. */
    List<Project> search(ProjectSearch search, int offset, int limit);

    long count(ProjectSearch search);

    /** Projects not yet completed or cancelled in which the organization is invited and has not answered. */
    List<String> openWithPendingInvitationOf(String organizationId);

    /** Projects not yet completed or cancelled that name the organization as lead or partner. */
    List<String> openNaming(String organizationId);
}
