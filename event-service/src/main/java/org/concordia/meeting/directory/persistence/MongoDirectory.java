package org.concordia.meeting.directory.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownMembership;
import org.concordia.meeting.directory.KnownOrganization;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.directory.KnownProject;
import org.springframework.stereotype.Component;

/** The read models' queries, over the two stores that apply the events. */
@Component
class MongoDirectory implements Directory {

    private final MongoOrganizationDirectory organizations;
    private final MongoProjectDirectory projects;

    MongoDirectory(MongoOrganizationDirectory organizations, MongoProjectDirectory projects) {
        this.organizations = organizations;
        this.projects = projects;
    }

    @Override
    public Optional<KnownPerson> person(String id) {
        return organizations.person(id);
    }

    @Override
    public Map<String, KnownPerson> people(Collection<String> ids) {
        return organizations.people(ids);
    }

    @Override
    public Optional<KnownOrganization> organization(String id) {
        return organizations.organization(id);
    }

    @Override
    public List<String> network(String organizationId) {
        return organizations.network(organizationId);
    }

    @Override
    public Optional<KnownMembership> membership(String organizationId, String personId) {
        return organizations.membership(organizationId, personId);
    }

    @Override
    public List<KnownMembership> memberships(Collection<String> organizationIds, Collection<String> personIds) {
        return organizations.memberships(organizationIds, personIds);
    }

    @Override
    public List<KnownMembership> membershipsOf(String personId) {
        return organizations.membershipsOf(personId);
    }

    @Override
    public void membersOf(
            Collection<String> organizationIds, List<String> roles, int batchSize, Consumer<List<KnownPerson>> batch) {
        organizations.membersOf(organizationIds, roles, batchSize, batch);
    }

    @Override
    public Optional<KnownProject> project(String id) {
        return projects.project(id);
    }

    @Override
    public List<KnownProject> projectsOf(Collection<String> organizationIds, int limit) {
        return projects.projectsOf(organizationIds, limit);
    }
}
