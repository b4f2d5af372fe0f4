package org.concordia.project.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.project.directory.KnownOrganization;
import org.concordia.project.directory.OrganizationDirectory;

/** Registers organizations the way organization-service would, and waits until this service has learnt them. */
public final class KnownOrganizations {

    private final OrganizationFeed feed;
    private final OrganizationDirectory directory;

    public KnownOrganizations(OrganizationFeed feed, OrganizationDirectory directory) {
        this.feed = feed;
        this.directory = directory;
    }

    public OrganizationRegistered register(String name, String country) {
        OrganizationRegistered registered = OrganizationFeed.registered(OrganizationFeed.newId(), name, country);
        feed.publish(registered);
        return registered;
    }

    /** A chapter (or representation) of an organization registered before. */
    public OrganizationRegistered registerChapter(String name, String country, OrganizationRegistered parent) {
        OrganizationRegistered registered = OrganizationFeed.chapter(OrganizationFeed.newId(), name, country, parent);
        feed.publish(registered);
        return registered;
    }

    public void awaitKnown(OrganizationRegistered... organizations) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (OrganizationRegistered organization : organizations) {
                        if (directory.find(organization.organizationId()).isEmpty()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    public void awaitArchived(String organizationId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> directory
                        .find(organizationId)
                        .map(KnownOrganization::archived)
                        .orElse(false));
    }
}
