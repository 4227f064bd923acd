package dev.collector.pbx.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads AMI packets from a client: header lines ending in CRLF, a packet closed by an empty line.
 * Bare LF is accepted too, because people type actions by hand with netcat.
 */
public final class AmiPacketReader {

    private final BufferedReader lines;

    public AmiPacketReader(InputStream in) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next packet, or empty when the client closed the connection. */
    public Optional<AmiPacket> next() throws IOException {
        AmiPacket.Builder packet = AmiPacket.builder();
        boolean anyHeader = false;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (anyHeader) {
                    return Optional.of(packet.build());
                }
                continue; // stray empty lines between packets carry nothing
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // Asterisk ignores lines that are not "Name: value"
            }
            packet.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            anyHeader = true;
        }
        return Optional.empty();
    }
}
