package org.concordia.meeting.directory;

import java.util.function.Consumer;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.contracts.project.MilestoneCancelled;
import org.concordia.contracts.project.MilestoneCompleted;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.MilestoneRescheduled;
import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectCancelled;
import org.concordia.contracts.project.ProjectCompleted;
import org.concordia.contracts.project.ProjectDetailsChanged;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code organization-events} and {@code project-events} into the read models. */
@Configuration(proxyBeanMethods = false)
class LearningDirectory {

    static final String ORGANIZATIONS = "learnOrganizations";
    static final String PROJECTS = "learnProjects";

    /** The handlers, also for tests that apply an event twice. */
    static EventHandlers organizationHandlers(OrganizationChanges changes) {
        return EventHandlers.create()
                .on(PersonRegistered.class, changes::on)
                .on(PersonUpdated.class, changes::on)
                .on(OrganizationRegistered.class, changes::on)
                .on(OrganizationUpdated.class, changes::on)
                .on(OrganizationArchived.class, changes::on)
                .on(MemberJoined.class, changes::on)
                .on(MemberRolesChanged.class, changes::on)
                .on(MemberLeft.class, changes::on);
    }

    static EventHandlers projectHandlers(ProjectChanges changes) {
        return EventHandlers.create()
                .on(ProjectProposed.class, changes::on)
                .on(ProjectDetailsChanged.class, changes::on)
                .on(ProjectActivated.class, changes::on)
                .on(ProjectCompleted.class, changes::on)
                .on(ProjectCancelled.class, changes::on)
                .on(PartnerInvited.class, changes::on)
                .on(PartnerJoined.class, changes::on)
                .on(PartnerDeclined.class, changes::on)
                .on(PartnerWithdrawn.class, changes::on)
                .on(MilestonePlanned.class, changes::on)
                .on(MilestoneRescheduled.class, changes::on)
                .on(MilestoneCompleted.class, changes::on)
                .on(MilestoneCancelled.class, changes::on);
    }

    @Bean
    Consumer<Message<byte[]>> learnOrganizations(IdempotentConsumers consumers, OrganizationChanges changes) {
        return consumers.consumer(ORGANIZATIONS, organizationHandlers(changes));
    }

    @Bean
    Consumer<Message<byte[]>> learnProjects(IdempotentConsumers consumers, ProjectChanges changes) {
        return consumers.consumer(PROJECTS, projectHandlers(changes));
    }
}
