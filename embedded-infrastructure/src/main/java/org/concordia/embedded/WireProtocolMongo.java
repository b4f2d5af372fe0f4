package org.concordia.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

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

    /** @param port 0 for any free port */
    public static WireProtocolMongo start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
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
