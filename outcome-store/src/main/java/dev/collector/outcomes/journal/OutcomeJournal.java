package dev.collector.outcomes.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * An append-only file of records, each forced to disk before {@link #append} returns: what was
 * appended survives a crash of this JVM or of the machine. A record is framed as its length, its
 * CRC-32 and its bytes, so a record torn by a crash mid-append is recognised and dropped on read
 * (it was never acknowledged). Not thread-safe: one thread owns it.
 */
public final class OutcomeJournal implements AutoCloseable {

    private static final int HEADER = Integer.BYTES * 2;
    private static final int LARGEST_RECORD = 16 * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;

    private OutcomeJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the journal file, creating its directory. */
    public static OutcomeJournal open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new OutcomeJournal(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the outcome journal " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one record at the end and forces it to disk. */
    public void append(byte[] record) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(record);
        ByteBuffer frame = ByteBuffer.allocate(HEADER + record.length);
        frame.putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
        long position = channel.size();
        while (frame.hasRemaining()) {
            position += channel.write(frame, position);
        }
        channel.force(false);
    }

    /** Every whole record, oldest first; a torn or corrupt tail ends the list. */
    public List<byte[]> readAll() throws IOException {
        List<byte[]> records = new ArrayList<>();
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            readFully(header, position);
            header.flip();
            int length = header.getInt();
            int expectedCrc = header.getInt();
            if (length < 0 || length > LARGEST_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, position + HEADER);
            CRC32 crc = new CRC32();
            crc.update(body.array());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            records.add(body.array());
            position += HEADER + length;
        }
        return records;
    }

    public boolean isEmpty() throws IOException {
        return channel.size() == 0;
    }

    /** Empties the journal once everything in it is safely elsewhere. */
    public void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("Unexpected end of " + file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
