package org.concordia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.identity.support.IntegrationTest;
import org.concordia.testing.HostileRequests;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document under hostile paths, queries, bodies and headers, with a real token of
 * this service (a service client's, so that no hostile request rotates the keys other tests rely on) and without
 * one: never a 5xx, never a class name, stack frame or query in the answer.
 */
class HostileRequestsTest extends IntegrationTest {

    @Test
    void no_hostile_request_gets_a_5xx_or_a_leak() {
        String token = tokens.clientCredentials(SERVICES_CLIENT, SERVICES_SECRET, "api")
                .accessToken();

        HostileRequests.Report report =
                HostileRequests.against(ISSUER).withToken(token).run();

        System.out.println("hostile requests: " + report);
        assertThat(report.operations()).isPositive();
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}
