package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.concordia.platform.Club;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The change-stream driver on the embedded store, which keeps no oplog: it polls instead, and says so once. */
@SpringBootTest
@WithInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ChangeStreamFallbackTest {

    private static final String FALLBACK = "Change streams are not available on this store";

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> outboxKafkaTemplate;

    @Autowired
    OutboxProperties properties;

    @AfterEach
    void restartRelay() {
        relay.start();
    }

    @Test
    void without_change_streams_the_relay_polls_and_publishes_what_no_write_asked_for(CapturedOutput output) {
        // written while no relay runs here, as by an instance that died before publishing: only a sweep finds it
        relay.stop();
        Club club = new Club(UUID.randomUUID().toString(), "Gmina Zamość");
        store.insert(club, List.of(club.registered()));

        OutboxRelay watching = new OutboxRelay(
                mongo,
                outboxKafkaTemplate,
                properties.withDriver(OutboxProperties.Driver.CHANGE_STREAM).withSweepInterval(Duration.ofMillis(200)),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        watching.start();
        try {
            assertThat(watching.driver())
                    .isInstanceOfSatisfying(
                            ChangeStreamDriver.class,
                            driver -> assertThat(driver.polling()).isTrue());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> OutboxFixtures.settled(mongo, "clubs", List.of(club.getId())));
        } finally {
            watching.stop();
        }
        assertThat(output.getOut().split(FALLBACK, -1)).hasSize(2);
        assertThat(output.getOut()).contains("the outbox relay polls every 200 ms instead");
    }
}
