package dev.collector.crmbridge.auth;

import dev.collector.domain.access.Role;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Establishes who calls before any endpoint runs, and puts the {@link Caller} into the call's
 * context. A call proves its client with an {@code authorization: Bearer <token>} header or, over
 * TLS with client certificates, with its certificate; a call that proves nothing is closed with
 * UNAUTHENTICATED. With no clients configured every call is the {@link CrmClients#BUILT_IN}
 * caller (the server allows that on loopback only).
 *
 * <p>Then the caller's role must be the one {@link GrpcAccessRules} declares for the method
 * (PERMISSION_DENIED otherwise, and for a method with no rule). The health service stays open:
 * load balancers probe it without credentials.
 */
public final class Authentication implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";

    private final CrmClients clients;

    public Authentication(CrmClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (GrpcAccessRules.isOpen(method)) {
            return next.startCall(call, headers);
        }
        Identified identified = clients.isEmpty() ? new Identified(CrmClients.BUILT_IN, null) : identify(call, headers);
        if (identified.caller() == null) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription(identified.refusal()));
        }
        // Who may call the method is declared per method; a method nobody declared is nobody's.
        Optional<Role> needed = GrpcAccessRules.roleNeededFor(method);
        if (needed.isEmpty() || !identified.caller().role().mayActAs(needed.get())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(method + " is not open to the "
                    + identified.caller().role() + " role" + needed.map(role -> "; it needs " + role).orElse("")));
        }
        Context context = identified.caller().attachTo(Context.current());
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(ServerCall<ReqT, RespT> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private Identified identify(ServerCall<?, ?> call, Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null) {
            // The header, when sent, is what the client means to be: a bad one is not made good by a certificate.
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.substring(BEARER.length()).isBlank()) {
                return refused("the authorization header is not 'Bearer <token>'");
            }
            return clients.byToken(authorization.substring(BEARER.length()).trim())
                    .map(client -> new Identified(client.asCaller(), null))
                    .orElseGet(() -> refused("the bearer token is not that of any configured CRM client"));
        }
        Optional<String> commonName = clientCertificateName(call);
        if (commonName.isPresent()) {
            return clients.byCertificate(commonName.get())
                    .map(client -> new Identified(client.asCaller(), null))
                    .orElseGet(() -> refused("the client certificate CN=" + commonName.get()
                            + " is not that of any configured CRM client"));
        }
        return refused("no credential: send an 'authorization: Bearer <token>' header"
                + (clients.anyByCertificate() ? " or a client certificate" : ""));
    }

    private static Optional<String> clientCertificateName(ServerCall<?, ?> call) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session == null) {
            return Optional.empty();
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return Optional.empty();
        }
        return commonName(certificate);
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            // LdapName counts from the most general RDN: the subject's own CN is the last one.
            for (int i = subject.size() - 1; i >= 0; i--) {
                Rdn rdn = subject.getRdn(i);
                if (rdn.getType().toUpperCase(Locale.ROOT).equals("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Identified refused(String why) {
        return new Identified(null, why);
    }

    /** Either a caller or why there is none. */
    private record Identified(Caller caller, String refusal) {
    }
}
