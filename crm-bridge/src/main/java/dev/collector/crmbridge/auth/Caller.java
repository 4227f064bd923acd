package dev.collector.crmbridge.auth;

import io.grpc.Context;
import java.util.Objects;

/**
 * The CRM client a call comes from, as its credential proved, and the tenant (creditor) it acts
 * for. Set by the authentication interceptor in the call's gRPC {@link Context}; every endpoint
 * reads it to keep tenants apart.
 */
public record Caller(String clientId, String tenantId) {

    static final Context.Key<Caller> KEY = Context.key("collector-caller");

    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** The caller of the gRPC call this thread serves. */
    public static Caller current() {
        Caller caller = KEY.get();
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this gRPC context");
        }
        return caller;
    }

    /** A context in which {@link #current()} is this caller. */
    public Context attachTo(Context context) {
        return context.withValue(KEY, this);
    }
}
