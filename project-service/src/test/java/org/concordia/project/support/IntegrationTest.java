package org.concordia.project.support;

import org.concordia.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The one Spring context the integration tests share: the whole service on a random port, against the test
 * infrastructure's real Kafka broker and MongoDB (containers or embedded). The demo loader runs in it, waiting for the
 * demo organizations that {@code DemoProjectTest} publishes. Tests use organizations and projects of their own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "concordia.demo.load=true",
            "concordia.demo.poll=200ms",
            "concordia.outbox.sweep-interval=500ms",
            "spring.cloud.stream.bindings.learnOrganizations-in-0.consumer.back-off-initial-interval=100",
            "spring.cloud.stream.bindings.learnOrganizations-in-0.consumer.back-off-max-interval=200"
        })
@WithInfrastructure
public abstract class IntegrationTest {

    /** The service's own database, to look at what it stored and at its outboxes. */
    @Autowired
    protected MongoTemplate mongo;
}
