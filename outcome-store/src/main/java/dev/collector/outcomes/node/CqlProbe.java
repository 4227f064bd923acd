package dev.collector.outcomes.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a CQL port whether a Cassandra node answers behind it, by running
 * {@code SELECT release_version FROM system.local} over native protocol v4 on a plain socket.
 * Not the driver: a probe must cost milliseconds, and a driver session against a port that is not
 * open yet logs a warning per attempt.
 */
final class CqlProbe {

    private static final int VERSION = 0x04;
    private static final int RESPONSE = 0x80;
    private static final int OP_ERROR = 0x00;
    private static final int OP_STARTUP = 0x01;
    private static final int OP_READY = 0x02;
    private static final int OP_QUERY = 0x07;
    private static final int OP_RESULT = 0x08;
    private static final int RESULT_ROWS = 0x0002;
    private static final int FLAG_GLOBAL_TABLES_SPEC = 0x0001;
    private static final int FLAG_HAS_MORE_PAGES = 0x0002;
    private static final int FLAG_NO_METADATA = 0x0004;
    private static final int CONSISTENCY_ONE = 0x0001;
    private static final int MAX_BODY = 1 << 20;

    private CqlProbe() {
    }

    static boolean acceptsConnections(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The node's {@code release_version}, or why it did not answer within the timeout. */
    static Answer releaseVersion(InetSocketAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());

            ByteArrayOutputStream startup = new ByteArrayOutputStream();
            DataOutputStream body = new DataOutputStream(startup);
            body.writeShort(1);
            writeString(body, "CQL_VERSION");
            writeString(body, "3.0.0");
            send(out, 0, OP_STARTUP, startup.toByteArray());
            Frame ready = receive(in);
            if (ready.opcode() != OP_READY) {
                return new Answer(null, "STARTUP answered with " + describe(ready));
            }

            ByteArrayOutputStream query = new ByteArrayOutputStream();
            body = new DataOutputStream(query);
            byte[] cql = "SELECT release_version FROM system.local".getBytes(StandardCharsets.UTF_8);
            body.writeInt(cql.length);
            body.write(cql);
            body.writeShort(CONSISTENCY_ONE);
            body.writeByte(0);
            send(out, 1, OP_QUERY, query.toByteArray());
            Frame result = receive(in);
            if (result.opcode() != OP_RESULT) {
                return new Answer(null, "the query answered with " + describe(result));
            }
            return firstTextCell(result.body());
        } catch (IOException e) {
            return new Answer(null, e.toString());
        }
    }

    private static Answer firstTextCell(byte[] resultBody) throws IOException {
        DataInputStream rows = new DataInputStream(new ByteArrayInputStream(resultBody));
        if (rows.readInt() != RESULT_ROWS) {
            return new Answer(null, "the query returned no rows result");
        }
        int flags = rows.readInt();
        int columns = rows.readInt();
        if ((flags & FLAG_HAS_MORE_PAGES) != 0) {
            skipBytes(rows);
        }
        if ((flags & FLAG_NO_METADATA) == 0) {
            if ((flags & FLAG_GLOBAL_TABLES_SPEC) != 0) {
                skipString(rows);
                skipString(rows);
            }
            for (int c = 0; c < columns; c++) {
                if ((flags & FLAG_GLOBAL_TABLES_SPEC) == 0) {
                    skipString(rows);
                    skipString(rows);
                }
                skipString(rows);
                rows.readUnsignedShort(); // the column's type: text, a type without parameters
            }
        }
        if (rows.readInt() < 1 || columns < 1) {
            return new Answer(null, "system.local returned no row");
        }
        int length = rows.readInt();
        if (length < 0) {
            return new Answer(null, "system.local has no release_version");
        }
        byte[] value = rows.readNBytes(length);
        return new Answer(new String(value, StandardCharsets.UTF_8), null);
    }

    private static void send(DataOutputStream out, int stream, int opcode, byte[] body) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(0);
        out.writeShort(stream);
        out.writeByte(opcode);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private static Frame receive(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        in.readUnsignedByte(); // flags
        in.readShort(); // stream
        int opcode = in.readUnsignedByte();
        int length = in.readInt();
        if (version != (VERSION | RESPONSE) || length < 0 || length > MAX_BODY) {
            throw new IOException("not a CQL v4 response (version byte " + version + ", length " + length + ")");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame(opcode, body);
    }

    private static String describe(Frame frame) throws IOException {
        if (frame.opcode() != OP_ERROR) {
            return "opcode " + frame.opcode();
        }
        DataInputStream error = new DataInputStream(new ByteArrayInputStream(frame.body()));
        int code = error.readInt();
        byte[] message = error.readNBytes(error.readUnsignedShort());
        return "error 0x" + Integer.toHexString(code) + ": " + new String(message, StandardCharsets.UTF_8);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void skipString(DataInputStream in) throws IOException {
        skipFully(in, in.readUnsignedShort());
    }

    private static void skipBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length > 0) {
            skipFully(in, length);
        }
    }

    private static void skipFully(DataInputStream in, int count) throws IOException {
        if (in.skipBytes(count) != count) {
            throw new EOFException("truncated result");
        }
    }

    private record Frame(int opcode, byte[] body) {
    }

    record Answer(String releaseVersion, String failure) {
        boolean answered() {
            return releaseVersion != null;
        }
    }
}
