package org.concordia.notification.announcement;

import java.util.ArrayList;
import java.util.List;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.NotAllowed;
import org.concordia.notification.announcement.model.Target;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * The rules of who writes for whom, checked against the read model: only coordinators of the organization or of
 * its parent write for it, and only to people of the organization's own network, projects and meetings.
 */
@Component
class Authoring {

    private final Directory directory;

    Authoring(Directory directory) {
        this.directory = directory;
    }

    Directory.Organization organization(String organizationId) {
        return directory
                .organization(organizationId)
                .orElseThrow(() -> new NotFoundException("Organization", organizationId));
    }

    /** @return the author as named in texts */
    Announcement.Author author(String personId, Directory.Organization organization) {
        List<String> writingFor = new ArrayList<>(List.of(organization.id()));
        if (organization.parentId() != null) {
            writingFor.add(organization.parentId());
        }
        if (!directory.coordinates(personId, writingFor)) {
            throw new NotAllowed("Only a coordinator of " + organization.name()
                    + (organization.parentId() == null ? "" : " or of its parent organization")
                    + " writes announcements for it");
        }
        String name = directory.person(personId).map(Directory.Person::name).orElse(personId);
        return new Announcement.Author(personId, name);
    }

    /** Every target must lie within the organization: its network, a project it leads, a meeting it organizes. */
    void within(Directory.Organization organization, List<Target> targets) {
        List<String> network = directory.network(organization.id());
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String at = "targets[" + i + "].";
            switch (t.kind()) {
                case ORGANIZATION_MEMBERS, ORGANIZATION_NETWORK, ORGANIZATION_PARTNERS -> {
                    if (!network.contains(t.organizationId())) {
                        throw new RuleViolationException(
                                "The organization is not " + organization.name() + " or one of its chapters",
                                at + "organizationId");
                    }
                }
                case PROJECT_PARTNERS -> {
                    if (!directory
                            .projectLead(t.projectId())
                            .filter(network::contains)
                            .isPresent()) {
                        throw new RuleViolationException(
                                "The project is not led by " + organization.name(), at + "projectId");
                    }
                }
                case MEETING_PARTICIPANTS -> {
                    if (!directory
                            .meetingOrganizer(t.meetingId())
                            .filter(network::contains)
                            .isPresent()) {
                        throw new RuleViolationException(
                                "The meeting is not organized by " + organization.name(), at + "meetingId");
                    }
                }
            }
        }
    }
}
