package org.concordia.project.directory;

import java.util.List;
import java.util.function.Consumer;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code organization-events} into the directory, then lets the rest of the service react. */
@Configuration(proxyBeanMethods = false)
class LearningOrganizations {

    static final String CONSUMER = "learnOrganizations";

    @Bean
    Consumer<Message<byte[]>> learnOrganizations(
            IdempotentConsumers consumers, OrganizationDirectory directory, List<OrganizationChanges> reactions) {
        return consumers.consumer(
                CONSUMER,
                EventHandlers.create()
                        .on(OrganizationRegistered.class, directory::on)
                        .on(OrganizationUpdated.class, event -> {
                            directory.on(event);
                            directory
                                    .find(event.organizationId())
                                    .ifPresent(known -> reactions.forEach(r -> r.updated(known)));
                        })
                        .on(OrganizationArchived.class, event -> {
                            directory.on(event);
                            // even when the directory knew it already: a crash may have come between the two
                            reactions.forEach(r -> r.archived(event.organizationId()));
                        }));
    }
}
