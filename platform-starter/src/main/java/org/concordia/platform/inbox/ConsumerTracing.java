package org.concordia.platform.inbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Continues the trace an event carries (its {@code traceparent}, {@code tracestate} and {@code baggage} headers, as
 * the relay wrote them from the request that changed something) while its handler runs, as a consumer span. The
 * handler's logs then carry the request's trace id, and whatever the handler stores with {@link #current()} (an
 * e-mail to send later) can continue it again with {@link #within}.
 */
public final class ConsumerTracing {

    /** Runs handlers as they are, for applications without tracing. */
    public static final ConsumerTracing NONE = new ConsumerTracing(null, null);

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public ConsumerTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Runs {@code work} in a span named {@code name} that continues the trace of {@code headers} (Kafka record headers
     * as bytes or text, or a stored {@link #current()}); without a trace in them, in a span of its own trace.
     */
    public void within(String name, Map<String, ?> headers, Runnable work) {
        if (tracer == null || propagator == null) {
            work.run();
            return;
        }
        Span span = propagator
                .extract(headers, (carrier, key) -> text(carrier.get(key)))
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The trace being handled now, as the headers it travels in; empty without one. */
    public Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (tracer != null && propagator != null) {
            TraceContext context = tracer.currentTraceContext().context();
            if (context != null) {
                propagator.inject(context, headers, Map::put);
            }
        }
        return headers;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
