package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our session with one Asterisk over AMI, through Asterisk-Java. Listeners are called on
 * Asterisk-Java's reader thread: whoever listens must hand the signal to its own thread.
 */
public final class AmiConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiSettings settings;
    private final ManagerConnection manager;
    private final CopyOnWriteArrayList<Consumer<CallSignal>> listeners = new CopyOnWriteArrayList<>();

    public AmiConnection(AmiSettings settings) {
        this.settings = settings;
        this.manager = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        manager.addEventListener(event -> AmiEventTranslator.translate(event)
                .ifPresent(signal -> listeners.forEach(l -> l.accept(signal))));
    }

    public void onSignal(Consumer<CallSignal> listener) {
        listeners.add(listener);
    }

    /** Logs in; blocking, so call it from a worker thread. */
    public void connect() throws IOException, AuthenticationFailedException, TimeoutException {
        manager.login();
        log.info("AMI logged in to {} (Asterisk {})", settings, manager.getVersion());
    }

    /** Whether we are logged in now; Asterisk-Java reconnects by itself after a loss. */
    public boolean isConnected() {
        return manager.getState() == ManagerConnectionState.CONNECTED;
    }

    /**
     * Sends an asynchronous Originate. If Asterisk refuses the action itself, the listeners get a
     * {@link CallSignal.Rejected}; otherwise the outcome arrives as an OriginateResponse event.
     *
     * @return false when the action could not be sent at all (connection lost): no call was
     *         placed and no signal will follow, so the caller still owns the case
     */
    public boolean originate(OriginateRequest request) {
        OriginateAction action = new OriginateAction();
        action.setActionId(request.attemptId());
        action.setChannelId(request.attemptId());
        action.setChannel(request.channel());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(request.priority());
        action.setTimeout(request.ringTimeout().toMillis());
        action.setCallerId(request.callerId());
        action.setVariables(request.variables());
        action.setAsync(true);
        try {
            manager.sendAction(action, response -> {
                if (response instanceof ManagerError error) {
                    reject(request, error.getMessage());
                }
            });
            return true;
        } catch (IOException | IllegalStateException e) {
            log.warn("Originate {} not sent: {}", request.attemptId(), e.getMessage());
            return false;
        }
    }

    public void hangup(String channel, int cause) {
        try {
            manager.sendAction(new HangupAction(channel, cause), response -> {
                if (response instanceof ManagerError error) {
                    log.warn("Hangup of {} refused: {}", channel, error.getMessage());
                }
            });
        } catch (IOException | IllegalStateException e) {
            log.warn("Hangup of {} not sent: {}", channel, e.getMessage());
        }
    }

    /**
     * Sets a channel variable (AMI {@code Setvar}), e.g. the chosen agent's endpoint on an answered
     * debtor leg before it is redirected to the bridging context.
     *
     * @return completes with whether Asterisk set it; false also when the action could not be sent
     */
    public CompletionStage<Boolean> setVariable(String channel, String variable, String value) {
        return send(new SetVarAction(channel, variable, value), "Setvar " + variable + " on " + channel);
    }

    /**
     * Moves a channel to another place in the dialplan (AMI {@code Redirect}): the held debtor leg
     * to the bridging context once an agent is chosen, or to the safe-harbour message when none is.
     *
     * @return completes with whether Asterisk accepted it (it refuses a channel that has hung up)
     */
    public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
        return send(new RedirectAction(channel, context, exten, priority), "Redirect of " + channel + " to " + context);
    }

    private CompletionStage<Boolean> send(org.asteriskjava.manager.action.ManagerAction action, String what) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            manager.sendAction(action, response -> {
                if (response instanceof ManagerError error) {
                    log.info("{} refused: {}", what, error.getMessage());
                    done.complete(false);
                } else {
                    done.complete(true);
                }
            });
        } catch (IOException | IllegalStateException e) {
            log.warn("{} not sent: {}", what, e.getMessage());
            done.complete(false);
        }
        return done;
    }

    private void reject(OriginateRequest request, String message) {
        log.warn("Originate {} refused: {}", request.attemptId(), message);
        CallSignal rejected = new CallSignal.Rejected(request.attemptId(), String.valueOf(message));
        listeners.forEach(l -> l.accept(rejected));
    }

    @Override
    public void close() {
        manager.logoff();
    }
}
