package dev.collector.console.simulatedagent;

import dev.collector.console.agentdesktop.AgentSocketProtocol;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot at an agent desktop: a real client of {@code /agent/socket}. It logs in, goes ready, and
 * for every screen pop waits for the debtor to hang up (or its think time), takes its wrap-up
 * time, then sends a disposition drawn from its {@link DispositionMix} with its own seeded random.
 * A promise to pay is for 10-100 % of the total due, rounded to cents, 1-14 days ahead in the
 * debtor's time zone; a callback is 1-3 hours from now, to the minute, sent as the debtor's
 * wall-clock time as an agent would type it.
 *
 * <p>Each simulated agent is its own verticle, so its random draws happen on one thread in the order
 * its calls arrive.
 */
public final class SimulatedAgent {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAgent.class);
    private static final long LOGIN_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final SimulatedAgentSettings settings;
    private final AtomicLong callsTaken = new AtomicLong();
    private final AtomicLong dispositionsSent = new AtomicLong();
    private final AtomicLong dispositionsAccepted = new AtomicLong();
    private final AtomicLong dispositionsRejected = new AtomicLong();
    private final Map<String, LongAdder> acceptedByCode = new ConcurrentHashMap<>();
    private Future<String> deployment;

    public SimulatedAgent(Vertx vertx, SimulatedAgentSettings settings) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public String agentId() {
        return settings.agentId();
    }

    /** Connects, logs in and goes ready; completes once the console reports the agent READY. */
    public synchronized Future<Void> start() {
        if (deployment != null) {
            return Future.failedFuture(new IllegalStateException("simulated agent " + agentId() + " was already started"));
        }
        deployment = vertx.deployVerticle(new Desk());
        return deployment.mapEmpty();
    }

    /** Logs out when it can (not in the middle of a call) and disconnects. */
    public synchronized Future<Void> stop() {
        Future<String> started = deployment;
        if (started == null) {
            return Future.succeededFuture();
        }
        return started.transform(deployed -> deployed.succeeded()
                ? vertx.undeploy(deployed.result())
                : Future.<Void>succeededFuture());
    }

    public SimulatedAgentCounts counts() {
        Map<String, Long> byCode = new TreeMap<>();
        acceptedByCode.forEach((code, n) -> byCode.put(code, n.sum()));
        return new SimulatedAgentCounts(callsTaken.get(), dispositionsSent.get(), dispositionsAccepted.get(),
                dispositionsRejected.get(), byCode);
    }

    /** The agent at work; everything below runs on this verticle's event loop. */
    private final class Desk extends VerticleBase {
        private final Random random = new Random(settings.seed());
        private final Promise<Void> ready = Promise.promise();
        private WebSocketClient client;
        private WebSocket socket;
        private String state = "LOGGED_OUT";
        private Call call;
        private boolean stopping;

        @Override
        public Future<?> start() {
            client = vertx.createWebSocketClient();
            return client.connect(settings.port(), settings.host(), AgentSocketProtocol.PATH)
                    .compose(ws -> {
                        socket = ws;
                        ws.textMessageHandler(this::receive);
                        ws.closeHandler(v -> {
                            if (!stopping) {
                                log.warn("simulated agent {} lost its socket", agentId());
                            }
                            ready.tryFail("the console closed the socket");
                        });
                        send(new JsonObject().put("type", AgentSocketProtocol.LOGIN).put("agentId", agentId()));
                        return ready.future();
                    })
                    .timeout(LOGIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .recover(failure -> {
                        // a verticle that fails to start is not stopped: let go of the connection here
                        stopping = true;
                        return client.close().transform(closed -> Future.<Void>failedFuture(failure));
                    });
        }

        @Override
        public Future<?> stop() {
            stopping = true;
            if (call != null) {
                call.cancelTimers();
            }
            if (socket == null) {
                return client == null ? Future.succeededFuture() : client.close();
            }
            if (!socket.isClosed() && ("READY".equals(state) || "PAUSED".equals(state))) {
                send(new JsonObject().put("type", AgentSocketProtocol.LOGOUT));
            }
            return socket.close().eventually(() -> client.close());
        }

        private void receive(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (RuntimeException e) {
                log.warn("simulated agent {} got a message it cannot read: {}", agentId(), text);
                return;
            }
            switch (message.getString("type", "")) {
                case AgentSocketProtocol.STATUS -> onStatus(message.getString("state", ""));
                case AgentSocketProtocol.SCREEN_POP -> onScreenPop(message);
                case AgentSocketProtocol.CALL_ENDED -> onCallEnded(message.getString("attemptId", ""));
                case AgentSocketProtocol.DISPOSITION_ACCEPTED -> onAccepted(message.getString("attemptId", ""));
                case AgentSocketProtocol.ERROR -> onError(message);
                default -> log.debug("simulated agent {} ignores {}", agentId(), text);
            }
        }

        private void onStatus(String newState) {
            state = newState;
            if ("PAUSED".equals(newState) && !stopping) {
                send(new JsonObject().put("type", AgentSocketProtocol.READY));
            } else if (!"LOGGED_OUT".equals(newState)) {
                ready.tryComplete();
            }
        }

        private void onScreenPop(JsonObject pop) {
            String attemptId = pop.getString("attemptId");
            if (call != null && call.attemptId.equals(attemptId)) {
                return; // popped again after a reconnect: same call
            }
            if (call != null) {
                call.cancelTimers();
            }
            callsTaken.incrementAndGet();
            Call taken = new Call(attemptId, pop.getJsonObject("case"));
            call = taken;
            taken.thinkTimer = vertx.setTimer(atLeastOneMs(settings.thinkTime().toMillis()), t -> talkOver(taken));
        }

        private void onCallEnded(String attemptId) {
            if (call != null && call.attemptId.equals(attemptId)) {
                vertx.cancelTimer(call.thinkTimer);
                talkOver(call);
            }
        }

        private void talkOver(Call taken) {
            if (taken.wrappingUp || taken != call) {
                return;
            }
            taken.wrappingUp = true;
            taken.wrapUpTimer = vertx.setTimer(atLeastOneMs(settings.wrapUpDelay().toMillis()), t -> {
                if (taken == call && !stopping) {
                    dispose(taken, settings.mix().pick(random));
                }
            });
        }

        private void dispose(Call taken, String drawn) {
            JsonObject message = new JsonObject()
                    .put("type", AgentSocketProtocol.DISPOSITION)
                    .put("attemptId", taken.attemptId)
                    .put("notes", "simulated agent " + agentId());
            String code = drawn;
            BigDecimal totalDue = new BigDecimal(taken.aCase.getString("totalDue", "0"))
                    .setScale(2, RoundingMode.DOWN);
            if (AgentSocketProtocol.PROMISE_TO_PAY.equals(code) && totalDue.signum() <= 0) {
                code = AgentSocketProtocol.NO_CONTACT; // nothing left to promise
            }
            if (AgentSocketProtocol.PROMISE_TO_PAY.equals(code)) {
                double share = 0.10 + 0.90 * random.nextDouble();
                BigDecimal amount = totalDue.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP)
                        .max(new BigDecimal("0.01")).min(totalDue);
                ZoneId debtorZone = ZoneId.of(taken.aCase.getString("timeZone", "UTC"));
                LocalDate promisedFor = LocalDate.now(settings.clock().withZone(debtorZone)).plusDays(1 + random.nextInt(14));
                message.put("amount", amount.toPlainString()).put("promisedFor", promisedFor.toString())
                        .put("channel", "BANK_TRANSFER");
            } else if (AgentSocketProtocol.CALLBACK_REQUESTED.equals(code)) {
                ZoneId debtorZone = ZoneId.of(taken.aCase.getString("timeZone", "UTC"));
                Duration later = Duration.ofMinutes(60 + random.nextInt(121));
                LocalDateTime debtorTime = LocalDateTime.ofInstant(settings.clock().instant().plus(later), debtorZone)
                        .truncatedTo(ChronoUnit.MINUTES);
                message.put("callbackAt", debtorTime.toString());
            }
            taken.lastCode = code;
            dispositionsSent.incrementAndGet();
            send(message.put("code", code));
        }

        private void onAccepted(String attemptId) {
            if (call != null && call.attemptId.equals(attemptId)) {
                dispositionsAccepted.incrementAndGet();
                acceptedByCode.computeIfAbsent(call.lastCode, c -> new LongAdder()).increment();
                call = null;
            }
        }

        private void onError(JsonObject error) {
            String field = error.getString("field", "");
            String reason = error.getString("reason", "");
            if (!ready.future().isComplete()) {
                ready.tryFail(new IllegalStateException("agent " + agentId() + " could not log in: " + field + ": " + reason));
                return;
            }
            String attemptId = error.getString("attemptId");
            if (call == null || attemptId == null || !call.attemptId.equals(attemptId)) {
                log.debug("simulated agent {} was told {}: {}", agentId(), field, reason);
                return;
            }
            dispositionsRejected.incrementAndGet();
            log.info("simulated agent {}: disposition {} of {} rejected ({}: {})", agentId(), call.lastCode, attemptId, field, reason);
            if (!"attemptId".equals(field) && !AgentSocketProtocol.NO_CONTACT.equals(call.lastCode)) {
                dispose(call, AgentSocketProtocol.NO_CONTACT); // never leave the agent stuck in wrap-up
            } else {
                call = null;
            }
        }

        private void send(JsonObject message) {
            if (socket != null && !socket.isClosed()) {
                socket.writeTextMessage(message.encode())
                        .onFailure(e -> log.debug("simulated agent {} could not send", agentId(), e));
            }
        }

        private long atLeastOneMs(long millis) {
            return Math.max(1, millis);
        }

        /** The call the agent is on: its case as the screen pop showed it. */
        private final class Call {
            final String attemptId;
            final JsonObject aCase;
            long thinkTimer = -1;
            long wrapUpTimer = -1;
            boolean wrappingUp;
            String lastCode;

            Call(String attemptId, JsonObject aCase) {
                this.attemptId = attemptId;
                this.aCase = aCase == null ? new JsonObject() : aCase;
            }

            void cancelTimers() {
                vertx.cancelTimer(thinkTimer);
                vertx.cancelTimer(wrapUpTimer);
            }
        }
    }
}
