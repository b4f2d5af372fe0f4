package org.concordia.platform.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize most records a consumer takes from one Kafka poll and processes as one batch (one dedup lookup,
 *     one bulk write of processed marks); it sets the consumers' {@code max.poll.records}
 * @param infrastructureInitialBackoff first pause of a partition after an infrastructure failure (the consumer's
 *     MongoDB or Kafka unreachable), doubled on each further failure
 * @param infrastructureMaxBackoff longest pause between attempts while the infrastructure stays unavailable; such
 *     failures are retried without limit and never dead-lettered
 */
@ConfigurationProperties("concordia.inbox")
public record InboxProperties(
        Integer batchSize, Duration infrastructureInitialBackoff, Duration infrastructureMaxBackoff) {

    public InboxProperties {
        batchSize = batchSize != null ? batchSize : 500;
        infrastructureInitialBackoff =
                infrastructureInitialBackoff != null ? infrastructureInitialBackoff : Duration.ofSeconds(1);
        infrastructureMaxBackoff = infrastructureMaxBackoff != null ? infrastructureMaxBackoff : Duration.ofSeconds(30);
    }
}
