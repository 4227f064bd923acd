package dev.collector.console.agentdesktop;

import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.PaymentChannel;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The agent's disposition form as it arrives on the socket, checked field by field. Only the shape
 * is checked here; whether the promise fits the case (not above the total due, not in the past) or
 * the callback is in the next 30 days is {@code RecordingDisposition}'s rule.
 */
record DispositionForm(String attemptId, Disposition disposition, String notes) {

    static final int MAX_NOTES = 2000;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d+)?");

    /**
     * @param fractionDigits how many decimals the case's currency has (2 for cents)
     * @param debtorZoneOf   the time zone of the debtor of the call with this attempt id, empty when
     *                       that call is not on the agent's screen; a callback time is read in it
     * @throws ProtocolError naming the first field that is missing or malformed
     */
    static DispositionForm parse(JsonObject message, int fractionDigits,
            Function<String, Optional<ZoneId>> debtorZoneOf) {
        String attemptId = AgentSocketProtocol.requiredText(message, "attemptId", "the call's attemptId is missing");
        String code = AgentSocketProtocol.requiredText(message, "code", "choose a disposition");
        String notes = AgentSocketProtocol.optionalText(message, "notes");
        if (notes.length() > MAX_NOTES) {
            throw new ProtocolError("notes", "notes are limited to " + MAX_NOTES + " characters");
        }
        Disposition disposition = switch (code) {
            case AgentSocketProtocol.PROMISE_TO_PAY -> new Disposition.PromiseToPay(
                    amount(message, fractionDigits, "the promised amount", "a promise"), promisedFor(message),
                    channel(message));
            case AgentSocketProtocol.PAYMENT_TAKEN -> new Disposition.PaymentTaken(
                    amount(message, fractionDigits, "the amount paid", "a payment"), channel(message));
            case AgentSocketProtocol.THIRD_PARTY -> new Disposition.ThirdParty();
            case AgentSocketProtocol.DECEASED -> new Disposition.Deceased();
            case AgentSocketProtocol.CEASE_CONTACT -> new Disposition.CeaseContact();
            case AgentSocketProtocol.REFUSED -> new Disposition.Refused();
            case AgentSocketProtocol.WRONG_PARTY -> new Disposition.WrongParty();
            case AgentSocketProtocol.NO_CONTACT -> new Disposition.NoContact();
            case AgentSocketProtocol.CALLBACK_REQUESTED -> new Disposition.CallbackRequested(
                    callbackAt(message, debtorZoneOf.apply(attemptId)));
            case AgentSocketProtocol.DISPUTED -> new Disposition.Disputed();
            default -> throw new ProtocolError("code", "unknown disposition '" + AgentSocketProtocol.shorten(code)
                    + "': use one of " + AgentSocketProtocol.CODES);
        };
        return new DispositionForm(attemptId, disposition, notes);
    }

    private static BigDecimal amount(JsonObject message, int fractionDigits, String what, String kind) {
        Object raw = message.getValue("amount");
        String text = raw instanceof Number || raw instanceof String ? raw.toString().trim() : "";
        if (text.isEmpty()) {
            throw new ProtocolError("amount", "enter " + what);
        }
        if (!AMOUNT.matcher(text).matches()) {
            throw new ProtocolError("amount", "'" + AgentSocketProtocol.shorten(text) + "' is not an amount: write it like 12.50");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.stripTrailingZeros().scale() > fractionDigits) {
            throw new ProtocolError("amount", "the amount has more than " + fractionDigits + " decimals");
        }
        if (amount.signum() <= 0) {
            throw new ProtocolError("amount", kind + " is for more than zero");
        }
        return amount;
    }

    /** How the debtor pays: one of the channels an agent may choose, never left to a default. */
    private static PaymentChannel channel(JsonObject message) {
        String text = AgentSocketProtocol.optionalText(message, "channel").trim();
        if (text.isEmpty()) {
            throw new ProtocolError("channel", "choose how the debtor pays");
        }
        return PaymentChannel.choosable(text).orElseThrow(() -> new ProtocolError("channel",
                "'" + AgentSocketProtocol.shorten(text) + "' is not a payment channel: use one of "
                        + PaymentChannel.CHOOSABLE));
    }

    private static LocalDate promisedFor(JsonObject message) {
        String text = AgentSocketProtocol.optionalText(message, "promisedFor").trim();
        if (text.isEmpty()) {
            throw new ProtocolError("promisedFor", "enter the date the debtor promised to pay by");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProtocolError("promisedFor", "'" + AgentSocketProtocol.shorten(text) + "' is not a date: write it as YYYY-MM-DD");
        }
    }

    /**
     * The debtor's wall-clock time, as the debtor said it, made an instant in the debtor's zone. A
     * time the clocks skip in spring is moved on by the gap; one they repeat in autumn is the first.
     */
    private static Instant callbackAt(JsonObject message, Optional<ZoneId> debtorZone) {
        String text = AgentSocketProtocol.optionalText(message, "callbackAt").trim();
        if (text.isEmpty()) {
            throw new ProtocolError("callbackAt", "enter when the debtor wants to be called back");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProtocolError("callbackAt", "'" + AgentSocketProtocol.shorten(text)
                    + "' is not a date and time: write it as YYYY-MM-DDTHH:MM in the debtor's time");
        }
        // Without the case we cannot tell whose 14:30 it is; routing would refuse the call anyway.
        ZoneId zone = debtorZone.orElseThrow(() -> new ProtocolError("attemptId", "this call is not on your screen"));
        return local.atZone(zone).toInstant();
    }

}
