package org.concordia.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a server that a test can cut and restore on the same port, to take the server away from a service
 * for a while (an outage of its MongoDB, say) and give it back with its data, in either infrastructure mode. While
 * cut, connections are refused and open ones are closed, as when the server goes down.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    /** A link to the test JVM's MongoDB (see {@link TestInfrastructure}). */
    public static TcpProxy toMongo() {
        URI uri = URI.create(TestInfrastructure.get().mongoUri());
        return to(uri.getHost(), uri.getPort() < 0 ? 27017 : uri.getPort());
    }

    public int port() {
        return port;
    }

    /** Refuses new connections and closes the open ones. */
    public synchronized void cut() {
        ServerSocket current = server;
        server = null;
        closeQuietly(current);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (server == null) {
            server = listen(port);
            accept(server);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            Socket target = new Socket(targetHost, targetPort);
                            sockets.add(client);
                            sockets.add(target);
                            pipe(client, target);
                            pipe(target, client);
                        } catch (IOException e) {
                            // closed by cut(), or the target refused: the client sees its connection fail
                        }
                    }
                },
                "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread copier = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "tcp-proxy-" + port + "-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
