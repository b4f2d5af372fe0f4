package org.concordia.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server, a MongoDB wire-protocol server in Java, reached through the ordinary MongoDB driver. It has
 * unique indexes, findAndModify and aggregation, but no multi-document transactions, no TTL expiry and no
 * {@code $text}: code that runs on it must not rely on those.
 */
public final class WireProtocolMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private WireProtocolMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A store in memory, gone when it closes. @param port 0 for any free port */
    public static WireProtocolMongo start(int port) {
        return start(new MemoryStore(), port);
    }

    /**
     * A store kept in one file (H2 MVStore, mongo-java-server's file backend), found again by a later start on the
     * same file. Writes reach the file within about a second and on {@link #close()}.
     *
     * @param port 0 for any free port
     */
    public static WireProtocolMongo startWithFile(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(new FileStore(file.toAbsolutePath().toString()), port);
    }

    private static WireProtocolMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new WireProtocolMongo(server, server.getLocalAddress().getPort());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
