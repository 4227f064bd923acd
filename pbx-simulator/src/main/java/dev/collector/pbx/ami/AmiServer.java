package dev.collector.pbx.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager port: accepts TCP connections, greets each with the AMI banner and hands its packets
 * to a listener made for that connection. Knows the wire, not the actions.
 */
public final class AmiServer implements AutoCloseable {

    /** What Asterisk 22 says first; Asterisk-Java waits for it before it sends Challenge. */
    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

    private final ServerSocket serverSocket;
    private final Function<AmiConnection, AmiConnection.Listener> listeners;
    private final Set<AmiConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile boolean closing;
    private volatile java.util.function.BooleanSupplier unreachable = () -> false;

    private AmiServer(ServerSocket serverSocket, Function<AmiConnection, AmiConnection.Listener> listeners) {
        this.serverSocket = serverSocket;
        this.listeners = listeners;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and starts accepting.
     *
     * @param listeners makes the listener of each new connection, e.g. its manager session
     */
    public static AmiServer start(String host, int port, Function<AmiConnection, AmiConnection.Listener> listeners)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        AmiServer server = new AmiServer(socket, listeners);
        Thread acceptor = new Thread(server::acceptLoop, "ami-acceptor-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket socket = serverSocket.accept();
                if (unreachable.getAsBoolean()) {
                    socket.close(); // a cut network: the client sees its connection reset, no banner
                    continue;
                }
                socket.setTcpNoDelay(true);
                AmiConnection connection = new AmiConnection(connectionIds.incrementAndGet(), socket);
                connections.add(connection);
                AmiConnection.Listener sessionListener = listeners.apply(connection);
                connection.start(BANNER, new AmiConnection.Listener() {
                    @Override
                    public void packetReceived(AmiConnection c, AmiPacket packet) {
                        sessionListener.packetReceived(c, packet);
                    }

                    @Override
                    public void connectionClosed(AmiConnection c) {
                        connections.remove(c);
                        sessionListener.connectionClosed(c);
                    }
                });
            } catch (SocketException e) {
                if (!closing) {
                    log.warn("AMI port {} stopped accepting: {}", port(), e.getMessage());
                }
                return;
            } catch (IOException e) {
                log.warn("AMI accept failed on port {}: {}", port(), e.getMessage());
            }
        }
    }

    /** While this says so, accepted connections are closed at once (fault injection). */
    public void unreachableWhile(java.util.function.BooleanSupplier condition) {
        this.unreachable = condition;
    }

    /**
     * Cuts every open connection without a word, as a network failure does, but keeps accepting:
     * clients may log in again at once.
     */
    public void dropConnections() {
        for (AmiConnection connection : connections) {
            connection.close();
        }
    }

    /** Stops accepting and drops every connection, as a stopping Asterisk does. */
    @Override
    public void close() {
        closing = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("closing AMI port: {}", e.getMessage());
        }
        for (AmiConnection connection : connections) {
            connection.close();
        }
    }
}
