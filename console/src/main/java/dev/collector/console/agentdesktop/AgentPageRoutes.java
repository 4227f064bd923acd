package dev.collector.console.agentdesktop;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desktop's HTTP face: {@code /agent} (the page and its static files, with headers that
 * keep the page to its own origin) and {@code /agent/socket}, upgraded to the WebSocket whose
 * messages {@link AgentSocketMessages} handles.
 */
final class AgentPageRoutes {

    /** Where the page's static files live on the classpath. */
    static final String WEB_ROOT = "collector-console/agent";
    private static final Logger log = LoggerFactory.getLogger(AgentPageRoutes.class);

    private AgentPageRoutes() {
    }

    static void mount(Router router, Handler<ServerWebSocket> sockets) {
        router.get("/agent").handler(rc -> rc.reroute("/agent/index.html"));
        router.route(AgentSocketProtocol.PATH).handler(rc -> upgrade(rc, sockets));
        router.route("/agent/*").handler(rc -> {
            rc.response()
                    .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff");
            rc.next();
        });
        router.route("/agent/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    }

    private static void upgrade(RoutingContext rc, Handler<ServerWebSocket> sockets) {
        HttpServerRequest request = rc.request();
        if (!request.canUpgradeToWebSocket()) {
            rc.response().setStatusCode(426).putHeader("Upgrade", "websocket")
                    .end("the agent socket speaks WebSocket");
            return;
        }
        request.toWebSocket()
                .onSuccess(sockets)
                .onFailure(e -> log.debug("agent socket handshake failed", e));
    }
}
