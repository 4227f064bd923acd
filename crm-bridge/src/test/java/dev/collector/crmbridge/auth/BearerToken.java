package dev.collector.crmbridge.auth;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** What a CRM client attaches to its calls: {@code authorization: Bearer <token>}. */
final class BearerToken extends CallCredentials {

    private final String header;

    private BearerToken(String header) {
        this.header = header;
    }

    static BearerToken of(String token) {
        return new BearerToken("Bearer " + token);
    }

    /** Any authorization header, also a malformed one. */
    static BearerToken rawHeader(String value) {
        return new BearerToken(value);
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Authentication.AUTHORIZATION, header);
        applier.apply(headers);
    }
}
