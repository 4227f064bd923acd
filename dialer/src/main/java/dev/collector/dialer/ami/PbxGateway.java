package dev.collector.dialer.ami;

import dev.collector.dialer.call.CallSignal;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What the dialer asks of its telephony: one Asterisk ({@link AmiConnection}) or several
 * ({@link PbxPool}). Calls are named by attempt id, channels by the name the PBX gave them.
 */
public interface PbxGateway {

    /** Signals of our calls, on a thread of the adapter: hand them to your own thread. */
    void onSignal(Consumer<CallSignal> listener);

    /** Whether a call could be placed now: a PBX is logged in, reconciled and has capacity left. */
    boolean isConnected();

    /**
     * Places a call asynchronously.
     *
     * @return false when no PBX took it (none connected, none with capacity, or the action could not
     *         be sent): no call exists and no signal will follow, so the caller still owns the case
     */
    boolean originate(OriginateRequest request);

    /*
     * Actions on a call's channel name the call too: channel names are unique on one Asterisk only,
     * and with several the call says which one carries it.
     */

    /** AMI Hangup of one of the call's channels. */
    void hangup(String attemptId, String channel, int cause);

    /** AMI Setvar on a live channel of the call; completes with whether the PBX set it. */
    CompletionStage<Boolean> setVariable(String attemptId, String channel, String variable, String value);

    /** AMI Redirect of a live channel of the call; completes with whether the PBX moved it. */
    CompletionStage<Boolean> redirect(String attemptId, String channel, String context, String exten, int priority);
}
