package org.concordia.meeting.directory;

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

/** Applies project-events to the read model; idempotent and never going back in time, like {@link OrganizationChanges}. */
public interface ProjectChanges {

    void on(ProjectProposed event);

    void on(ProjectDetailsChanged event);

    void on(ProjectActivated event);

    void on(ProjectCompleted event);

    void on(ProjectCancelled event);

    void on(PartnerInvited event);

    void on(PartnerJoined event);

    void on(PartnerDeclined event);

    void on(PartnerWithdrawn event);

    void on(MilestonePlanned event);

    void on(MilestoneRescheduled event);

    void on(MilestoneCompleted event);

    void on(MilestoneCancelled event);
}
