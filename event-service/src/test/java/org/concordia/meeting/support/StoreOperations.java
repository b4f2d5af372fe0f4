package org.concordia.meeting.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the commands the service's own MongoDB client sends on the calling thread while a piece of work runs: the
 * driver calls a {@link CommandListener} on the thread that issues the command, so work done by the relay or the
 * consumers on their own threads is not counted.
 */
public final class StoreOperations implements CommandListener {

    private static final StoreOperations INSTANCE = new StoreOperations();
    private final ThreadLocal<List<String>> counting = new ThreadLocal<>();

    public static StoreOperations get() {
        return INSTANCE;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<String> commands = counting.get();
        if (commands != null) {
            commands.add(event.getCommandName());
        }
    }

    /** The work's result and the names of the commands it sent, in order. */
    public <T> Counted<T> count(Callable<T> work) {
        List<String> commands = new ArrayList<>();
        counting.set(commands);
        try {
            return new Counted<>(work.call(), List.copyOf(commands));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            counting.remove();
        }
    }

    public record Counted<T>(T result, List<String> commands) {}

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        MongoClientSettingsBuilderCustomizer countingStoreOperations() {
            return settings -> settings.addCommandListener(INSTANCE);
        }
    }
}
