package dev.collector.followups.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

/** An SMSC in the test JVM (jSMPP's server API): accepts binds and keeps every submitted message. */
public final class TestSmsc implements AutoCloseable {

    /** One submitted message. */
    public record Sms(String to, String text) {
    }

    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private volatile boolean running = true;

    public TestSmsc() throws IOException {
        // jSMPP reports the port it was given, not the one bound: choose a free one ourselves
        listener = new SMPPServerSessionListener(dev.collector.outcomes.testing.TestNode.freePorts(1).get(0));
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::acceptLoop, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getPort();
    }

    public List<Sms> to(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        return received.stream().filter(s -> s.to().equals(digits)).toList();
    }

    /** The next {@code count} messages are refused as throttled (a transient SMSC failure). */
    public void refuseNext(int count) {
        refuseNext.set(count);
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                BindRequest bind = session.waitForBind(5000);
                bind.accept("test-smsc");
            } catch (Exception e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", 0x58);
            }
            received.add(new Sms(submit.getDestAddress(),
                    new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1)));
            MessageId id = ids.newMessageId();
            return new SubmitSmResult(id, new org.jsmpp.bean.OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
    }
}
