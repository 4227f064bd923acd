package dev.collector.pbx;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;

/** An Asterisk-Java manager connection to the simulator, logged in, recording every event. */
final class AmiTestClient implements AutoCloseable {

    final ManagerConnection connection;
    final EventRecorder events = new EventRecorder();

    private AmiTestClient(ManagerConnection connection) {
        this.connection = connection;
    }

    static AmiTestClient connect(PbxSimulator pbx) throws Exception {
        ManagerConnection connection =
                new ManagerConnectionFactory("127.0.0.1", pbx.port(), "collector", "collector").createManagerConnection();
        AmiTestClient client = new AmiTestClient(connection);
        connection.addEventListener(client.events);
        connection.login();
        return client;
    }

    /** Sends with a callback, as the dialer does, and waits for the response. */
    ManagerResponse send(ManagerAction action) throws Exception {
        CompletableFuture<ManagerResponse> response = new CompletableFuture<>();
        connection.sendAction(action, response::complete);
        return response.get(5, TimeUnit.SECONDS);
    }

    /** An asynchronous Originate of a debtor into {@code connect}, with its own ActionID. */
    static OriginateAction originate(String number, String actionId, String exten, Map<String, String> variables) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/" + number + "@debtors");
        originate.setContext("connect");
        originate.setExten(exten);
        originate.setPriority(1);
        originate.setTimeout(Duration.ofSeconds(30).toMillis());
        originate.setCallerId("Dialer <1000>");
        originate.setAsync(true);
        originate.setActionId(actionId);
        originate.setVariables(variables);
        return originate;
    }

    @Override
    public void close() {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }
}
