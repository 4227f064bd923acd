package dev.collector.crmbridge.auth;

import java.util.Objects;

/**
 * A CRM allowed to call the bridge: who it is, the tenant (creditor) it acts for, and how it proves
 * it. One tenant may have several clients (e.g. one per CRM instance, or a token and a certificate
 * while rotating).
 */
public record CrmClient(String clientId, String tenantId, ClientCredential credential) {

    public CrmClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(credential, "credential");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("a CRM client needs an id");
        }
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("CRM client " + clientId + " needs a tenant id");
        }
    }

    /** Who calls, once the credential has been checked. */
    public Caller asCaller() {
        return new Caller(clientId, tenantId);
    }
}
