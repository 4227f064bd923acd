package dev.collector.pbx.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI packet: an action a client sent, or a response or event the PBX sends.
 *
 * <p>Headers keep their order and may repeat ({@code Variable:} on Originate, {@code Output:} on
 * Command), because clients and the captures of a real Asterisk depend on both. Names are looked
 * up ignoring case, as Asterisk does: Asterisk-Java sends {@code action: Login} in lower case.
 */
public final class AmiPacket {

    /** A header line, {@code Name: value}. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Header> headers;

    private AmiPacket(List<Header> headers) {
        this.headers = List.copyOf(headers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a response packet: {@code Response: Success}, {@code Error}, {@code Goodbye}... */
    public static Builder response(String response) {
        return builder().add("Response", response);
    }

    /** Starts an event packet with its privilege class, e.g. {@code call,all}. */
    public static Builder event(String name, String privilege) {
        return builder().add("Event", name).add("Privilege", privilege);
    }

    public List<Header> headers() {
        return headers;
    }

    /** The first value of a header, ignoring the case of its name. */
    public Optional<String> header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Like Asterisk's {@code astman_get_header}: a missing header reads as the empty string. */
    public String headerOrEmpty(String name) {
        return header(name).orElse("");
    }

    /** Every value of a header that may repeat, in the order received. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The action name in lower case, or empty when the packet has no {@code Action} header. */
    public String actionName() {
        return headerOrEmpty("Action").trim().toLowerCase(Locale.ROOT);
    }

    /** The packet as it travels: CRLF after each header and an empty line to close it. */
    public String toWire() {
        StringBuilder wire = new StringBuilder(32 * headers.size() + 2);
        for (Header header : headers) {
            wire.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return wire.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return toWire();
    }

    /** Collects headers in order. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            headers.add(new Header(name, value == null ? "" : value));
            return this;
        }

        public Builder add(String name, long value) {
            return add(name, Long.toString(value));
        }

        /** Adds {@code ActionID} only when the action carried one, as Asterisk does. */
        public Builder actionId(String actionId) {
            if (actionId != null && !actionId.isEmpty()) {
                add("ActionID", actionId);
            }
            return this;
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        public AmiPacket build() {
            return new AmiPacket(headers);
        }
    }
}
