package dev.collector.statestore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Map values as stored in Cassandra: Java-serialized, the same form Hazelcast itself keeps them
 * in, so there is one format and no mapping code per type.
 */
final class JavaSerializedValues<V extends Serializable> {

    private final String mapName;

    JavaSerializedValues(String mapName) {
        this.mapName = mapName;
    }

    ByteBuffer serialize(String key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Map " + mapName + ": the value of key " + key + " ("
                    + value.getClass().getName() + ") cannot be serialized: " + e.getMessage(), e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    /**
     * @throws IllegalStateException naming the map and key when the stored bytes no longer make a
     *                               value (its class was renamed, moved or changed incompatibly).
     *                               Loading stops there rather than leave the entry out unnoticed.
     */
    @SuppressWarnings("unchecked")
    V deserialize(String key, ByteBuffer blob) {
        byte[] bytes = new byte[blob.remaining()];
        blob.duplicate().get(bytes);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (V) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("Map " + mapName + ": the stored value of key " + key
                    + " cannot be read back: " + e, e);
        }
    }
}
