package org.concordia.notification.support;

import org.concordia.testing.WithInfrastructure;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the integration tests share: the whole service on a random port against the real Kafka
 * broker and MongoDB of the test infrastructure, GreenMail for SMTP, tracing on as deployed, and a clock the tests
 * move. Tests use people,
 * organizations and meetings of their own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "concordia.notification.delivery.poll-millis=100",
            "concordia.notification.delivery.backoff=PT0.2S",
            "concordia.notification.delivery.max-backoff=PT1S",
            "concordia.notification.delivery.max-attempts=3",
            "concordia.notification.webhooks.allow-http=true",
            // the tests' receivers listen on the loopback address, which deployments refuse
            "concordia.notification.webhooks.allowed-addresses=127.0.0.1",
            "concordia.notification.webhooks.read-timeout=PT5S",
            "concordia.notification.webhooks.max-response-bytes=1024",
            "concordia.notification.webhooks.disable-after=3",
            "concordia.notification.reminders.poll-millis=200",
            "concordia.notification.stream.poll=PT0.2S",
            "concordia.notification.fan-out.batch-size=7",
            "concordia.notification.inbox.bucket-size=4",
            "spring.mail.host=127.0.0.1",
            "spring.cloud.stream.default.consumer.back-off-initial-interval=100",
            "spring.cloud.stream.default.consumer.back-off-max-interval=200"
        })
@WithInfrastructure
@AutoConfigureTracing
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", Mailbox::port);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }
}
