package org.concordia.platform.lifecycle;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ties a service's life to its launcher's when {@code concordia.parent-pid} names one (the local platform and the
 * drills do), from the moment the environment is known: a launcher killed while the service is still starting (a
 * minute or more on a loaded machine) must not leave it running either. Once the context exists the service is
 * stopped through it, so a started service shuts down gracefully; before, the JVM simply exits. A service whose
 * context closes first is not stopped again.
 */
public class ParentProcessListener implements ApplicationListener<ApplicationEvent> {

    static final String PROPERTY = "concordia.parent-pid";

    private final Consumer<@Nullable ConfigurableApplicationContext> stop;
    private final AtomicReference<@Nullable ConfigurableApplicationContext> context = new AtomicReference<>();
    private @Nullable ParentProcessWatch watch;

    public ParentProcessListener() {
        this(ParentProcessListener::exit);
    }

    ParentProcessListener(Consumer<@Nullable ConfigurableApplicationContext> stop) {
        this.stop = stop;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && watch == null) {
            Long parentPid = prepared.getEnvironment().getProperty(PROPERTY, Long.class);
            if (parentPid != null) {
                watch = new ParentProcessWatch(parentPid, () -> stop.accept(context.get()));
                watch.start();
            }
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            context.set(prepared.getApplicationContext());
        } else if (event instanceof ContextClosedEvent && watch != null) {
            watch.stop();
        }
    }

    private static void exit(@Nullable ConfigurableApplicationContext context) {
        if (context != null && context.isActive()) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
        System.exit(0);
    }
}
