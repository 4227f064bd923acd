package dev.collector.followups.channels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through an SMSC over SMPP 3.4 (jSMPP), bound as a transmitter. The session is bound on first
 * use and bound again after it breaks, so an SMSC that was away is used again once it is back.
 */
public final class SmppSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmppSmsGateway.class);

    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final String sourceAddress;
    private final Duration timeout;
    private SMPPSession session;

    /** @param sourceAddress the sender shown on the phone (alphanumeric, up to 11 characters) */
    public SmppSmsGateway(String host, int port, String systemId, String password, String sourceAddress,
            Duration timeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.password = Objects.requireNonNull(password, "password");
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
        this.timeout = timeout;
    }

    @Override
    public synchronized String send(String to, String text) throws DeliveryFailed {
        SMPPSession bound = bound();
        try {
            return bound.submitShortMessage("CMT",
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, sourceAddress,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, MessageClass.CLASS1, false), (byte) 0,
                    text.getBytes(StandardCharsets.ISO_8859_1)).getMessageId();
        } catch (NegativeResponseException e) {
            // the SMSC answered and refused: throttled or busy is worth a retry, the rest is not
            int status = e.getCommandStatus();
            boolean transientRefusal = status == 0x58 /* throttled */ || status == 0x14 /* queue full */
                    || status == 0x08 /* system error */;
            throw new DeliveryFailed("SMSC refused the message (command status 0x" + Integer.toHexString(status) + ")",
                    !transientRefusal, e);
        } catch (Exception e) {
            drop();
            throw new DeliveryFailed("SMPP: " + e, false, e);
        }
    }

    private SMPPSession bound() throws DeliveryFailed {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(timeout.toMillis());
        try {
            fresh.connectAndBind(host, port, new BindParameter(BindType.BIND_TX, systemId, password, "collector",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), timeout.toMillis());
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new DeliveryFailed("cannot bind to the SMSC at " + host + ":" + port + ": " + e.getMessage(), false, e);
        }
        log.info("Bound to the SMSC at {}:{} as {}", host, port, systemId);
        session = fresh;
        return fresh;
    }

    private void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
