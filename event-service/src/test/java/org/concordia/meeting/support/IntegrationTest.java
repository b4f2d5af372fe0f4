package org.concordia.meeting.support;

import org.concordia.testing.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the integration tests share: the whole service on a random port, against the test
 * infrastructure's real Kafka broker and MongoDB (containers or embedded). Tests create people, organizations and
 * projects of their own through {@link World}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "concordia.outbox.sweep-interval=500ms",
            "spring.cloud.stream.bindings.learnOrganizations-in-0.consumer.back-off-initial-interval=100",
            "spring.cloud.stream.bindings.learnOrganizations-in-0.consumer.back-off-max-interval=200",
            "spring.cloud.stream.bindings.learnProjects-in-0.consumer.back-off-initial-interval=100",
            "spring.cloud.stream.bindings.learnProjects-in-0.consumer.back-off-max-interval=200"
        })
@WithInfrastructure
@Import(StoreOperations.Configuration.class)
public abstract class IntegrationTest {}
