package org.concordia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.notification.support.IntegrationTest;
import org.concordia.testing.HostileRequests;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the OpenAPI document under hostile paths, queries, bodies and headers, with a token that has
 * rights and without one: never a 5xx, never a class name, stack frame or query in the answer.
 */
class HostileRequestsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void no_hostile_request_gets_a_5xx_or_a_leak() {
        String token = TestIssuer.get()
                .person("hostile-person")
                .member("hostile-organization", "coordinator")
                .operator()
                .sign();

        HostileRequests.Report report = HostileRequests.against("http://localhost:" + port)
                .withToken(token)
                .knownValue("personId", "hostile-person")
                .run();

        System.out.println("hostile requests: " + report);
        assertThat(report.operations()).isPositive();
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}
