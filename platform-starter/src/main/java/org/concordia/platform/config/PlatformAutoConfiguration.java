package org.concordia.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concordia.platform.deadletter.DeadLettersEndpoint;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.ConsumerTracing;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.concordia.platform.observability.KafkaHealthIndicator;
import org.concordia.platform.observability.MongoPingHealthIndicator;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.platform.outbox.OutboxEndpoint;
import org.concordia.platform.outbox.OutboxProperties;
import org.concordia.platform.outbox.OutboxRelay;
import org.concordia.platform.web.CodedEnumConverters;
import org.concordia.platform.web.ProblemDetailsAdvice;
import org.concordia.platform.web.RequestBodyLimit;
import org.concordia.platform.web.RequestLimits;
import org.concordia.platform.web.StrictRequestJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.format.FormatterRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The outbox relay, idempotent consumers, Problem Details and Kafka health for every Concordia service. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableConfigurationProperties({OutboxProperties.class, KafkaProperties.class, RequestLimits.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, properties, clock, meters);
    }

    @Bean
    AggregateStore aggregateStore(
            MongoTemplate mongo,
            EventJson json,
            OutboxRelay relay,
            Clock clock,
            OutboxProperties properties,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        Supplier<Map<String, String>> traceContext = () -> {
            Tracer current = tracer.getIfAvailable();
            Propagator headers = propagator.getIfAvailable();
            Span span = current == null ? null : current.currentSpan();
            if (span == null || headers == null) {
                return Map.of();
            }
            Map<String, String> context = new LinkedHashMap<>();
            headers.inject(span.context(), context, Map::put);
            return context;
        };
        return new AggregateStore(mongo, json, relay, clock, traceContext, properties);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }

    @Bean
    IdempotentConsumers idempotentConsumers(
            MongoTemplate mongo, EventJson json, Clock clock, MeterRegistry meters, ConsumerTracing tracing) {
        return new IdempotentConsumers(mongo, json, clock, meters, tracing);
    }

    /** Each consumed event's trace continues while its handler runs, when the application traces at all. */
    @Bean
    ConsumerTracing consumerTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new ConsumerTracing(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** Query and path parameters of coded enumerations are read by their codes, like the JSON body. */
    @Bean
    WebMvcConfigurer codedEnumParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverterFactory(new CodedEnumConverters());
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson(RequestLimits limits) {
        return StrictRequestJson.customizer(limits);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            RequestLimits limits) {
        var registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestBodyLimit(limits));
        // after the character encoding filter, before tracing's observation and security
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(
            KafkaProperties kafka,
            KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            @Value("${spring.cloud.stream.default.group:${spring.application.name}}") String group) {
        return new DeadLettersEndpoint(
                kafka.buildConsumerProperties(), kafka.buildAdminProperties(), outboxKafkaTemplate, group);
    }

    /** Replaces Boot's MongoDB indicator (same bean name), see {@link MongoPingHealthIndicator}. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }
}
