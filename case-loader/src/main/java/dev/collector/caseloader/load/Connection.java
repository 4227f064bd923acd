package dev.collector.caseloader.load;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** How to reach CaseService: where, over TLS or not, and with which bearer token. */
public record Connection(String target, boolean tls, Optional<Path> caFile, Optional<String> token) {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    public ManagedChannel open() throws IOException {
        ChannelCredentials credentials;
        if (tls) {
            TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
            if (caFile.isPresent()) {
                builder.trustManager(caFile.get().toFile());
            }
            credentials = builder.build();
        } else {
            credentials = InsecureChannelCredentials.create();
        }
        var channel = Grpc.newChannelBuilder(target, credentials);
        token.ifPresent(t -> {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + t);
            channel.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        });
        return channel.build();
    }
}
