package org.concordia.identity.directory;

import java.util.List;
import java.util.function.Consumer;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.organization.PersonUpdated;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.concordia.platform.security.OrganizationHierarchy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code organization-events} into the directory, then tells whoever follows new people. */
@Configuration(proxyBeanMethods = false)
class LearningDirectory {

    static final String CONSUMER = "learnPeople";

    @Bean
    Consumer<Message<byte[]>> learnPeople(
            IdempotentConsumers consumers, Directory directory, List<PersonArrivals> arrivals) {
        return consumers.consumer(
                CONSUMER,
                EventHandlers.create()
                        .on(PersonRegistered.class, event -> {
                            directory.on(event);
                            arrivals.forEach(a -> a.known(event.personId()));
                        })
                        .on(PersonUpdated.class, directory::on)
                        .on(MemberJoined.class, event -> {
                            directory.on(event);
                            arrivals.forEach(a -> a.known(event.personId()));
                        })
                        .on(MemberRolesChanged.class, directory::on)
                        .on(MemberLeft.class, directory::on)
                        .on(OrganizationRegistered.class, directory::on)
                        .on(OrganizationUpdated.class, directory::on));
    }

    /** Coordinators of a parent organization act for its chapters. */
    @Bean
    OrganizationHierarchy organizationHierarchy(Directory directory) {
        return directory::parentOf;
    }
}
