package org.concordia.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.concordia.platform.inbox.ConsumerFailureHandling;
import org.concordia.platform.inbox.InboxProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** How the consumers built by {@code IdempotentConsumers} take batches, retry and dead-letter. */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableConfigurationProperties({InboxProperties.class, KafkaProperties.class})
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
    ConsumerFailureHandling consumerFailureHandling(
            KafkaProperties kafka, InboxProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
        return new ConsumerFailureHandling(deadLetters, properties, meters);
    }
}
