package dev.collector.pbx.ami;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manager connection on the wire: a reader thread that turns bytes into packets for a
 * {@link Listener}, and a writer thread that drains an outbox.
 *
 * <p>Everything written goes through the outbox, whichever thread produced it (the connection's
 * own reader answering an action, the simulated PBX emitting events), so packets never interleave
 * and a slow client never blocks the PBX. A client that stops reading is disconnected once its
 * outbox is full, as Asterisk drops sessions that exceed their write timeout.
 */
public final class AmiConnection implements AutoCloseable {

    /** What the protocol layer tells the manager layer. */
    public interface Listener {
        void packetReceived(AmiConnection connection, AmiPacket packet);

        void connectionClosed(AmiConnection connection);
    }

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);
    private static final int OUTBOX_CAPACITY = 200_000;

    /** An item of the outbox: text to write, and whether to hang up once it is written. */
    private record Outgoing(String text, boolean closeAfter) {
    }

    private final int id;
    private final Socket socket;
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>(OUTBOX_CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Listener listener;

    AmiConnection(int id, Socket socket) {
        this.id = id;
        this.socket = socket;
    }

    /** Sends the banner first, then starts reading actions. */
    void start(String bannerLine, Listener listener) {
        this.listener = listener;
        enqueue(new Outgoing(bannerLine + "\r\n", false));
        Thread writer = new Thread(this::writeLoop, "ami-" + id + "-writer");
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(this::readLoop, "ami-" + id + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int id() {
        return id;
    }

    public void send(AmiPacket packet) {
        enqueue(new Outgoing(packet.toWire(), false));
    }

    /** Sends a packet already rendered with {@link AmiPacket#toWire()}, so a broadcast renders once. */
    public void sendWire(String wire) {
        enqueue(new Outgoing(wire, false));
    }

    /** Sends a last packet, then closes: Logoff's Goodbye and a failed Login end this way. */
    public void sendThenClose(AmiPacket packet) {
        enqueue(new Outgoing(packet.toWire(), true));
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** {@code IPV4/TCP/127.0.0.1/5038}, the form of Asterisk's security events. */
    public String localAddress() {
        return describe(socket.getLocalAddress().getHostAddress(), socket.getLocalPort());
    }

    public String remoteAddress() {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        return remote == null ? "IPV4/TCP/unknown/0" : describe(remote.getAddress().getHostAddress(), remote.getPort());
    }

    private static String describe(String host, int port) {
        return (host.contains(":") ? "IPV6" : "IPV4") + "/TCP/" + host + "/" + port;
    }

    private void enqueue(Outgoing outgoing) {
        if (closed.get()) {
            return;
        }
        if (!outbox.offer(outgoing)) {
            log.warn("AMI connection {} does not read its events ({} waiting); disconnecting it", id, outbox.size());
            close();
        }
    }

    private void readLoop() {
        try {
            AmiPacketReader reader = new AmiPacketReader(socket.getInputStream());
            Optional<AmiPacket> packet;
            while (!closed.get() && (packet = reader.next()).isPresent()) {
                try {
                    listener.packetReceived(this, packet.get());
                } catch (RuntimeException e) {
                    // a bug in one action must not cost the dialer its session
                    log.error("AMI connection {} failed to handle:\n{}", id, packet.get(), e);
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("AMI connection {} read failed: {}", id, e.getMessage());
            }
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (true) {
                Outgoing next = outbox.take();
                out.write(next.text().getBytes(StandardCharsets.UTF_8));
                if (outbox.isEmpty() || next.closeAfter()) {
                    out.flush(); // batch what is queued, but never leave a packet waiting
                }
                if (next.closeAfter()) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("AMI connection {} write failed: {}", id, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing AMI connection {}: {}", id, e.getMessage());
        }
        outbox.clear();
        outbox.offer(new Outgoing("", true)); // wakes the writer so its thread ends
        Listener current = listener;
        if (current != null) {
            current.connectionClosed(this);
        }
    }
}
