package dev.collector.console.supervisor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The supervisor's live wall: a page at {@code /supervisor} that polls {@code /supervisor/floor}
 * (JSON) every second. Polling keeps it simple and is cheap at one request per supervisor a second.
 */
public final class SupervisorWall {

    static final String WEB_ROOT = "collector-console/supervisor";

    private final FloorSource floor;

    public SupervisorWall(FloorSource floor) {
        this.floor = floor;
    }

    public void mountOn(Router router, Context context) {
        router.get("/supervisor/floor").handler(rc -> floor(rc, context));
        router.get("/supervisor").handler(rc -> rc.reroute("/supervisor/index.html"));
        router.route("/supervisor/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    }

    private void floor(RoutingContext rc, Context context) {
        Future.fromCompletionStage(floor.snapshot(), context)
                .onSuccess(snapshot -> rc.response().putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(toJson(snapshot).encode()))
                .onFailure(rc::fail);
    }

    static JsonObject toJson(FloorSnapshot s) {
        JsonArray agents = new JsonArray();
        s.agents().forEach(a -> agents.add(new JsonObject().put("agentId", a.agentId()).put("name", a.name())
                .put("state", a.state()).put("since", a.since().toString())));
        JsonObject byStatus = new JsonObject();
        s.casesByStatus().forEach(byStatus::put);
        JsonObject ended = new JsonObject();
        s.endedByResult().forEach(ended::put);
        return new JsonObject()
                .put("at", s.at().toString())
                .put("campaignId", s.campaignId())
                .put("pacing", s.pacing())
                .put("pacingDetail", new JsonObject()
                        .put("campaignMode", s.pacingDetail().campaignMode())
                        .put("modeInForce", s.pacingDetail().modeInForce())
                        .put("callsPerAgent", s.pacingDetail().callsPerAgent())
                        .put("abandonsInWindow", s.pacingDetail().abandonsInWindow())
                        .put("answeredInWindow", s.pacingDetail().answeredInWindow())
                        .put("abandonRateInWindow", s.pacingDetail().abandonRateInWindow())
                        .put("abandonCap", s.pacingDetail().abandonCap())
                        .put("window", s.pacingDetail().window())
                        .put("governorEngagedSince", s.pacingDetail().governorEngagedSince())
                        .put("reason", s.pacingDetail().reason()))
                .put("dialed", s.dialed())
                .put("callsInFlight", s.callsInFlight())
                .put("waitingCases", s.waitingCases())
                .put("casesByStatus", byStatus)
                .put("endedByResult", ended)
                .put("answerRate", s.answerRate())
                .put("abandonRate", s.abandonRate())
                .put("agents", agents);
    }
}
