package dev.collector.faultdrill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network between the Collector nodes and the PBX: a TCP relay the nodes dial instead of the
 * PBX's manager port. {@link #cut} drops every AMI connection at once and refuses new ones for a
 * while, as a failed switch or a firewall would; the PBX itself keeps running and knows nothing.
 */
public final class AmiLink implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress pbx;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile long cutUntilNanos = Long.MIN_VALUE;
    private volatile boolean closed;

    private AmiLink(ServerSocket server, InetSocketAddress pbx) {
        this.server = server;
        this.pbx = pbx;
    }

    public static AmiLink to(String host, int port) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            AmiLink link = new AmiLink(server, new InetSocketAddress(host, port));
            Thread acceptor = new Thread(link::acceptLoop, "ami-link-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the AMI link", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection now; connections made in the next {@code outage} are closed at once. */
    public void cut(Duration outage) {
        cutUntilNanos = System.nanoTime() + outage.toNanos();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public boolean isCut() {
        return System.nanoTime() < cutUntilNanos;
    }

    /** Connections turned away while the link was cut (the nodes' reconnect attempts). */
    public long refused() {
        return refused.get();
    }

    public long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (isCut()) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(pbx, 2000);
                open.add(client);
                open.add(upstream);
                accepted.incrementAndGet();
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other goes too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "ami-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(AmiLink::closeQuietly);
    }
}
