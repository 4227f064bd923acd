package dev.collector.crmbridge.auth;

import dev.collector.domain.access.Role;
import io.grpc.Context;
import java.util.Objects;

/**
 * The CRM client a call comes from, as its credential proved, and the tenant (creditor) it acts
 * for, and its {@link Role} (a CRM client's credential proves a {@link Role#CRM_SERVICE}). Set by
 * the authentication interceptor in the call's gRPC {@link Context}; every endpoint reads it to
 * keep tenants apart.
 */
public record Caller(String clientId, String tenantId, Role role) {

    static final Context.Key<Caller> KEY = Context.key("collector-caller");

    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
    }

    /** A CRM client of the tenant. */
    public Caller(String clientId, String tenantId) {
        this(clientId, tenantId, Role.CRM_SERVICE);
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
