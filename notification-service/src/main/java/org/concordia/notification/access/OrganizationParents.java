package org.concordia.notification.access;

import org.concordia.notification.recipient.PeopleDirectory;
import org.concordia.platform.security.OrganizationHierarchy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Coordinators of a parent act for its chapters: the parent comes from the service's own read model of
 * organizations, learnt from {@code organization-events} (an organization not yet learnt has no parent).
 */
@Configuration(proxyBeanMethods = false)
class OrganizationParents {

    @Bean
    OrganizationHierarchy organizationHierarchy(PeopleDirectory directory) {
        return directory::parentOf;
    }
}
