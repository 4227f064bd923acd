package dev.collector.console;

import dev.collector.console.agentdesktop.AgentSocketProtocol;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser's socket as a test drives it: send JSON, read what the console answers, in order. */
public final class TestAgentSocket implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    private TestAgentSocket(Vertx vertx, int port) throws Exception {
        client = vertx.createWebSocketClient();
        socket = client.connect(port, "127.0.0.1", AgentSocketProtocol.PATH).await(5, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    }

    public static TestAgentSocket open(Vertx vertx, int port) throws Exception {
        return new TestAgentSocket(vertx, port);
    }

    public TestAgentSocket send(JsonObject message) {
        return sendText(message.encode());
    }

    public TestAgentSocket sendText(String text) {
        socket.writeTextMessage(text);
        return this;
    }

    public TestAgentSocket login(String agentId) {
        return send(new JsonObject().put("type", "login").put("agentId", agentId));
    }

    public TestAgentSocket type(String type) {
        return send(new JsonObject().put("type", type));
    }

    /** The next message, whatever it is. */
    public JsonObject next() throws InterruptedException {
        JsonObject message = received.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("the console sent nothing within 5 s");
        }
        return message;
    }

    /** The next message of the type; returns the ones skipped on the way in {@code skipped}. */
    public JsonObject next(String type, List<JsonObject> skipped) throws InterruptedException {
        while (true) {
            JsonObject message = next();
            if (type.equals(message.getString("type"))) {
                return message;
            }
            skipped.add(message);
        }
    }

    public JsonObject next(String type) throws InterruptedException {
        return next(type, new ArrayList<>());
    }

    /** The next status message whose state is the given one. */
    public JsonObject nextStatus(String state) throws InterruptedException {
        while (true) {
            JsonObject status = next(AgentSocketProtocol.STATUS);
            if (state.equals(status.getString("state"))) {
                return status;
            }
        }
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws Exception {
        if (!socket.isClosed()) {
            socket.close().await(5, TimeUnit.SECONDS);
        }
        client.close().await(5, TimeUnit.SECONDS);
    }
}
