package org.concordia.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer's listener container does when a record fails, in place of the binder's own retries: the record
 * is sought back to and retried after a back-off during which the container is paused (it keeps polling, so it never
 * exceeds {@code max.poll.interval.ms} and keeps its partitions), and
 *
 * <ul>
 *   <li>an infrastructure failure ({@link InfrastructureFailures}) is retried without limit, with a back-off growing
 *       from {@code concordia.inbox.infrastructure-initial-backoff} to {@code infrastructure-max-backoff}: nothing is
 *       dead-lettered and no later event of the partition overtakes it;
 *   <li>any other handler failure is retried as the binding's {@code max-attempts} and {@code back-off-*} say, then
 *       sent to {@code error.<topic>.<group>} with {@code x-original-*} and {@code x-exception-*} headers;
 *   <li>a {@link MalformedEventException} is dead-lettered at once.
 * </ul>
 */
public class ConsumerFailureHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailureHandling.class);
    private static final BackOff NO_RETRIES = new FixedBackOff(0L, 0L);

    private final KafkaOperations<?, ?> deadLetters;
    private final InboxProperties properties;
    private final MeterRegistry meters;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public ConsumerFailureHandling(
            KafkaOperations<?, ?> deadLetters, InboxProperties properties, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
        scheduler.setThreadNamePrefix("inbox-backoff-");
        scheduler.setDaemon(true);
        scheduler.initialize();
    }

    /** Retries and dead letters move from the binding to the container's error handler. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        ConsumerAwareRecordRecoverer recoverer = null;
        if (dlqDestinationResolver != null) {
            DeadLetterPublishingRecoverer deadLetterTopic = new DeadLetterPublishingRecoverer(
                    deadLetters,
                    // partition left to the key, so one aggregate's dead letters stay in order
                    (record, exception) -> new TopicPartition("error." + record.topic() + "." + group, -1));
            deadLetterTopic.setHeaderNamesSupplier(ConsumerFailureHandling::headerNames);
            recoverer = (record, consumer, exception) -> {
                Exception cause = handlerFailure(exception);
                log.warn(
                        "Dead-lettering {}-{}@{} to error.{}.{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.topic(),
                        group,
                        cause.toString());
                meters.counter("concordia.inbox.dead_lettered", "topic", record.topic())
                        .increment();
                deadLetterTopic.accept(record, consumer, cause);
            };
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(
                recoverer,
                backOff != null ? backOff : NO_RETRIES,
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, scheduler)));
        handler.setBackOffFunction((record, exception) -> {
            if (InfrastructureFailures.isMalformed(exception)) {
                return NO_RETRIES;
            }
            return InfrastructureFailures.isInfrastructure(exception) ? infrastructureBackOff() : null;
        });
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
                boolean infrastructure = InfrastructureFailures.isInfrastructure(exception);
                meters.counter(
                                "concordia.inbox.retries",
                                "topic",
                                record.topic(),
                                "cause",
                                infrastructure ? "infrastructure" : "handler")
                        .increment();
                if (infrastructure) {
                    log.warn(
                            "Infrastructure unavailable while consuming {}-{}@{} (attempt {}), retrying without"
                                    + " limit: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            deliveryAttempt,
                            handlerFailure(exception).toString());
                }
            }
        });
        container.setCommonErrorHandler(handler);
    }

    private BackOff infrastructureBackOff() {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.infrastructureInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.infrastructureMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** The handler's own exception, unwrapped from the binder's and the batch's wrappers. */
    static Exception handlerFailure(Exception exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = exception; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException failed && failed.getCause() instanceof Exception inner) {
                return inner;
            }
        }
        return exception;
    }

    /** The header names the binder's own dead-letter queue used, which operators and the endpoint read. */
    private static DeadLetterPublishingRecoverer.HeaderNames headerNames() {
        return DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
