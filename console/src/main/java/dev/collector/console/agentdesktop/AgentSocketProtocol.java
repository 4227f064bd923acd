package dev.collector.console.agentdesktop;

import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import dev.collector.routing.desktop.ScriptBook;
import dev.collector.routing.desktop.ScreenPop;
import dev.collector.routing.desktop.TalkingPoints;
import dev.collector.routing.roster.AgentStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The JSON messages of {@code /agent/socket}, in one place for the server, the page's script and
 * the simulated agent. Every message is a JSON object with a {@code type}; amounts travel as
 * decimal strings ({@code "12.50"}) so no client ever rounds money through a float, dates as ISO
 * {@code yyyy-MM-dd}, instants as ISO-8601 UTC. The one exception is what an agent types as a time:
 * a callback's {@code callbackAt} is sent as the debtor's wall-clock time ({@code 2026-03-05T14:30},
 * no offset), the way the debtor said it, and read in the case's time zone.
 */
public final class AgentSocketProtocol {

    public static final String PATH = "/agent/socket";

    // client -> server
    public static final String LOGIN = "login";
    public static final String READY = "ready";
    public static final String PAUSE = "pause";
    public static final String LOGOUT = "logout";
    public static final String DISPOSITION = "disposition";
    /** Preview mode: dial the previewed case now ({@code attemptId} of the preview). */
    public static final String PREVIEW_DIAL = "previewDial";
    /** Preview mode: pass the previewed case on and be shown another. */
    public static final String PREVIEW_SKIP = "previewSkip";

    // server -> client
    public static final String STATUS = "status";
    public static final String SCREEN_POP = "screenPop";
    /** Preview mode: the case before it is dialed, with {@code dialsAt}, when it is dialed if the agent does nothing. */
    public static final String PREVIEW = "preview";
    public static final String CALL_ENDED = "callEnded";
    public static final String DISPOSITION_ACCEPTED = "dispositionAccepted";
    public static final String ERROR = "error";

    /** The disposition codes a client may send, as {@link Disposition#code()} spells them. */
    public static final String PROMISE_TO_PAY = "PROMISE_TO_PAY";
    public static final String REFUSED = "REFUSED";
    public static final String WRONG_PARTY = "WRONG_PARTY";
    public static final String NO_CONTACT = "NO_CONTACT";
    /** Carries {@code callbackAt}: the debtor's local date and time, e.g. {@code 2026-03-05T14:30}. */
    public static final String CALLBACK_REQUESTED = "CALLBACK_REQUESTED";
    public static final String DISPUTED = "DISPUTED";
    /** Carries {@code amount} (not above the total due) and {@code channel}, like a promise. */
    public static final String PAYMENT_TAKEN = "PAYMENT_TAKEN";
    /** A message left with someone else; the notes must say with whom and what. */
    public static final String THIRD_PARTY = "THIRD_PARTY";
    /** Holds every case of the debtor (DECEASED). */
    public static final String DECEASED = "DECEASED";
    /** Holds every case and channel of the debtor (CEASE_CONTACT). */
    public static final String CEASE_CONTACT = "CEASE_CONTACT";

    /** Every code a client may send, for error messages. */
    static final String CODES = String.join(", ", Disposition.CODES);

    private AgentSocketProtocol() {
    }

    /**
     * @param pauseReasons the codes the agent may pause with, for the page's menu
     */
    static JsonObject status(AgentStatus status, java.util.Collection<String> pauseReasons) {
        JsonObject message = new JsonObject()
                .put("type", STATUS)
                .put("agentId", status.agentId())
                .put("state", status.state().name())
                .put("since", status.since().toString())
                .put("pauseReasons", new JsonArray(java.util.List.copyOf(pauseReasons)));
        status.attemptId().ifPresent(id -> message.put("attemptId", id));
        status.pauseReason().ifPresent(reason -> message.put("pauseReason", reason));
        status.wrapUpEnds().ifPresent(ends -> message.put("wrapUpEnds", ends.toString()));
        return message;
    }

    /** Days past due are counted in the debtor's time zone: that is the day the debtor lives in. */
    static JsonObject screenPop(ScreenPop pop, Clock clock, ScriptBook scripts) {
        Case aCase = pop.aCase();
        LocalDate debtorToday = LocalDate.now(clock.withZone(aCase.timeZone()));
        JsonArray claims = new JsonArray();
        for (Claim claim : aCase.claims()) {
            JsonObject json = new JsonObject()
                    .put("claimId", claim.claimId())
                    .put("amountDue", claim.amountDue().toPlainString())
                    .put("currency", claim.currency())
                    .put("dueDate", claim.dueDate().toString())
                    .put("daysPastDue", claim.daysPastDue(debtorToday));
            // absent when the CRM did not itemize the claim: the page shows a dash, not a made-up zero
            claim.split().ifPresent(split -> json.put("principal", split.principal().toPlainString())
                    .put("interest", split.interest().toPlainString())
                    .put("fees", split.fees().toPlainString()));
            claims.add(json);
        }
        JsonArray promises = new JsonArray();
        for (Outcome o : pop.previousOutcomes()) {
            if (o.disposition() instanceof Disposition.PromiseToPay promise) {
                promises.add(new JsonObject()
                        .put("attemptId", o.attemptId())
                        .put("amount", promise.amount().toPlainString())
                        .put("promisedFor", promise.promisedFor().toString())
                        .put("channel", promise.channel().name())
                        .put("agentId", o.agentId())
                        .put("recordedAt", o.recordedAt().toString())
                        .put("fallenDue", promise.promisedFor().isBefore(debtorToday)));
            }
        }
        JsonObject caseJson = new JsonObject()
                .put("caseId", aCase.caseId())
                .put("campaignId", aCase.campaignId())
                .put("debtor", new JsonObject()
                        .put("debtorId", aCase.debtor().debtorId())
                        .put("name", aCase.debtor().name()))
                .put("claims", claims)
                .put("totalDue", aCase.totalDue().toPlainString())
                .put("currency", aCase.currency())
                .put("daysPastDue", aCase.daysPastDue(debtorToday))
                .put("timeZone", aCase.timeZone().getId())
                .put("priority", aCase.priority())
                .put("language", aCase.language())
                .put("flags", new JsonArray(aCase.flags().stream().sorted().toList()));
        JsonArray previous = new JsonArray();
        pop.previousOutcomes().forEach(o -> previous.add(outcome(o)));
        return new JsonObject()
                .put("type", SCREEN_POP)
                .put("attemptId", pop.attemptId())
                .put("phoneNumber", pop.phoneNumber())
                .put("bridgedAt", pop.bridgedAt().toString())
                .put("case", caseJson)
                .put("previousOutcomes", previous)
                .put("promises", promises)
                .put("script", new JsonArray(scripts.scriptFor(aCase.campaignId())))
                .put("talkingPoints", new JsonArray(TalkingPoints.forCall(aCase, pop.previousOutcomes(), debtorToday)))
                .put("paymentChannels", new JsonArray(PaymentChannel.CHOOSABLE.stream().map(Enum::name).toList()));
    }

    /** The case as a screen pop shows it, before the call: the agent dials or skips by {@code dialsAt}. */
    static JsonObject preview(dev.collector.routing.desktop.PreviewOffer offer, Clock clock, ScriptBook scripts) {
        return screenPop(new ScreenPop(offer.agentId(), offer.attemptId(), offer.phoneNumber(), offer.aCase(),
                offer.previousOutcomes(), clock.instant()), clock, scripts)
                .put("type", PREVIEW)
                .put("dialsAt", offer.dialsAt().toString());
    }

    static JsonObject outcome(Outcome outcome) {
        JsonObject json = new JsonObject()
                .put("attemptId", outcome.attemptId())
                .put("agentId", outcome.agentId())
                .put("code", outcome.disposition().code())
                .put("notes", outcome.notes())
                .put("recordedAt", outcome.recordedAt().toString());
        if (outcome.disposition() instanceof Disposition.PromiseToPay promise) {
            json.put("amount", promise.amount().toPlainString())
                    .put("promisedFor", promise.promisedFor().toString())
                    .put("channel", promise.channel().name());
        } else if (outcome.disposition() instanceof Disposition.PaymentTaken payment) {
            json.put("amount", payment.amount().toPlainString())
                    .put("channel", payment.channel().name());
        } else if (outcome.disposition() instanceof Disposition.CallbackRequested callback) {
            // an instant, as every time the server sends; the page shows it in the debtor's zone
            json.put("callbackAt", callback.at().toString());
        }
        return json;
    }

    static JsonObject callEnded(String attemptId) {
        return new JsonObject().put("type", CALL_ENDED).put("attemptId", attemptId);
    }

    static JsonObject dispositionAccepted(String attemptId) {
        return new JsonObject().put("type", DISPOSITION_ACCEPTED).put("attemptId", attemptId);
    }

    static JsonObject error(String field, String reason) {
        return new JsonObject().put("type", ERROR).put("field", field).put("reason", reason);
    }

    static JsonObject error(String field, String reason, String attemptId) {
        return error(field, reason).put("attemptId", attemptId);
    }

    /** @throws ProtocolError when the field is absent, blank or not text */
    static String requiredText(JsonObject message, String field, String whenMissing) {
        String text = optionalText(message, field);
        if (text.isBlank()) {
            throw new ProtocolError(field, whenMissing);
        }
        return text;
    }

    /** The field's text, empty when absent. @throws ProtocolError when it is there but not text */
    static String optionalText(JsonObject message, String field) {
        Object raw = message.getValue(field);
        if (raw == null) {
            return "";
        }
        if (!(raw instanceof String text)) {
            throw new ProtocolError(field, field + " must be text");
        }
        return text;
    }

    /** Echoes of client input in error reasons stay short. */
    static String shorten(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
