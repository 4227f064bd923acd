package dev.collector.crmbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.ListCaseHistoryRequest;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every method of every {@code collector.v1} service, found from the generated service descriptors
 * on the classpath (a new service or method is found without touching this test), has a declared
 * role, and is refused over real gRPC to a caller without the credential of that role; a method
 * without a rule is refused to everyone. And each CRM read of or change to a case lands in the
 * access audit.
 */
class GrpcAccessTest {

    static final String CRM_TOKEN = "token-of-the-crm-of-bank-a-31c9";
    /** What a supervisor or agent might try on the gRPC port: their PIN, which is no CRM's token. */
    static final String NOT_A_CRM_CREDENTIAL = "4711";

    static BridgeOnHazelcast bridge;
    static CrmBridgeServer server;
    static ManagedChannel channel;
    static final List<DataAccess> audited = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        bridge = new BridgeOnHazelcast("access", 5987);
        bridge.campaign("a-campaign", "bank-a");
        server = bridge.start(CrmBridgeSettings.loopback().withClients(CrmClients.parse(
                "crm-a:bank-a:token-sha256=" + CrmClients.sha256Hex(CRM_TOKEN))), new AccessAudit() {
                    @Override
                    public void record(DataAccess access) {
                        audited.add(access);
                    }

                    @Override
                    public long dropped() {
                        return 0;
                    }
                });
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bridge.close();
    }

    @Test
    void everyCollectorMethodDeclaresTheRoleItNeeds() throws Exception {
        List<MethodDescriptor<?, ?>> methods = collectorMethods();

        assertThat(methods).as("collector.v1 methods found").hasSizeGreaterThanOrEqualTo(13);
        for (MethodDescriptor<?, ?> method : methods) {
            assertThat(GrpcAccessRules.roleNeededFor(method.getFullMethodName()))
                    .as("the role %s needs (GrpcAccessRules)", method.getFullMethodName()).contains(Role.CRM_SERVICE);
            assertThat(GrpcAccessRules.isOpen(method.getFullMethodName())).isFalse();
        }
    }

    @Test
    void everyCollectorMethodRefusesACallerWithoutACrmCredentialAndServesTheCrm() throws Exception {
        for (MethodDescriptor<?, ?> method : collectorMethods()) {
            assertThat(call(method, null).getCode()).as("%s without a credential", method.getFullMethodName())
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(call(method, BearerToken.of(NOT_A_CRM_CREDENTIAL)).getCode())
                    .as("%s with an agent's or supervisor's PIN", method.getFullMethodName())
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(call(method, BearerToken.of(CRM_TOKEN)).getCode())
                    .as("%s with the CRM's token: past the door (an empty request is refused further in)",
                            method.getFullMethodName())
                    .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED, Status.Code.UNIMPLEMENTED);
        }
    }

    @Test
    void aMethodWithoutARuleIsRefusedEvenToAnAuthenticatedCrm() throws Exception {
        MethodDescriptor<byte[], byte[]> unruled = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("collector.v1.BackdoorService/DumpEverything")
                .setRequestMarshaller(new Bytes()).setResponseMarshaller(new Bytes()).build();
        Server backdoor = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerServiceDefinition.builder("collector.v1.BackdoorService")
                        .addMethod(unruled, ServerCalls.asyncUnaryCall((request, response) -> {
                            response.onNext(new byte[] {42});
                            response.onCompleted();
                        })).build())
                .intercept(new Authentication(CrmClients.parse("crm-a:bank-a:token-sha256="
                        + CrmClients.sha256Hex(CRM_TOKEN))))
                .build().start();
        ManagedChannel toBackdoor = ManagedChannelBuilder.forAddress("127.0.0.1", backdoor.getPort())
                .usePlaintext().build();
        try {
            Status status = call(toBackdoor, unruled, new byte[0], BearerToken.of(CRM_TOKEN));

            assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(status.getDescription()).contains("DumpEverything");
        } finally {
            toBackdoor.shutdownNow();
            backdoor.shutdownNow();
        }
    }

    @Test
    void aCrmReadingAndCancellingACaseIsAuditedAndARefusedCallIsNot() throws Exception {
        admit("audited-case", "a-campaign");
        CaseServiceGrpc.CaseServiceBlockingStub crm = CaseServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.of(CRM_TOKEN)).withDeadlineAfter(10, TimeUnit.SECONDS);

        crm.listCaseHistory(ListCaseHistoryRequest.newBuilder().setCaseId("audited-case").build());
        crm.cancelCase(CancelCaseRequest.newBuilder().setCaseId("audited-case").setReason("paid at the branch").build());
        StatusRuntimeException missing = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
                () -> crm.listCaseHistory(ListCaseHistoryRequest.newBuilder().setCaseId("no-such-case").build()));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        List<DataAccess> ofCase = audited.stream().filter(a -> a.caseId().equals("audited-case")).toList();
        assertThat(ofCase).extracting(DataAccess::action)
                .containsExactly("CaseService/ListCaseHistory", "CaseService/CancelCase");
        assertThat(ofCase).allSatisfy(a -> {
            assertThat(a.role()).isEqualTo(Role.CRM_SERVICE);
            assertThat(a.principal()).isEqualTo("crm-a");
            assertThat(a.detail()).startsWith("tenant=bank-a");
        });
        assertThat(audited).noneMatch(a -> a.caseId().equals("no-such-case"));
    }

    /** The methods of every generated {@code *Grpc} class of package {@code dev.collector.protos.v1}. */
    static List<MethodDescriptor<?, ?>> collectorMethods() throws Exception {
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
        for (String className : grpcClassesOfPackage()) {
            ServiceDescriptor service = (ServiceDescriptor) Class.forName(className)
                    .getMethod("getServiceDescriptor").invoke(null);
            assertThat(service.getName()).startsWith("collector.v1.");
            methods.addAll(service.getMethods());
        }
        return methods;
    }

    private static List<String> grpcClassesOfPackage() throws IOException, URISyntaxException {
        Path location = Path.of(CaseServiceGrpc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String folder = "dev/collector/protos/v1/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(folder))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Grpc.class"))
                        .forEach(n -> names.add(folder.replace('/', '.') + n.replace(".class", "")));
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0 && n.endsWith("Grpc.class"))
                        .forEach(n -> names.add(n.replace('/', '.').replace(".class", "")));
            }
        }
        assertThat(names).as("generated service classes in " + location).isNotEmpty();
        return names;
    }

    /** Calls the method with its empty request over the bridge's channel, as any kind of method. */
    private static Status call(MethodDescriptor<?, ?> method, CallCredentials credentials) throws Exception {
        Message empty = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
                .getMessagePrototype();
        @SuppressWarnings("unchecked")
        MethodDescriptor<Object, Object> generic = (MethodDescriptor<Object, Object>) method;
        return call(channel, generic, empty, credentials);
    }

    private static <Q, R> Status call(ManagedChannel on, MethodDescriptor<Q, R> method, Q request,
            CallCredentials credentials) throws Exception {
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS);
        if (credentials != null) {
            options = options.withCallCredentials(credentials);
        }
        ClientCall<Q, R> call = on.newCall(method, options);
        CompletableFuture<Status> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(Integer.MAX_VALUE);
        call.sendMessage(request);
        call.halfClose();
        return closed.get(10, TimeUnit.SECONDS);
    }

    private static void admit(String caseId, String campaignId) throws Exception {
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        bridge.callList.admit(new Case(caseId, campaignId, new Debtor("debtor-" + caseId, "Jana Nováková"),
                List.of(new Claim(caseId + "-claim", new BigDecimal("120.00"), "CZK", LocalDate.of(2026, 9, 1))),
                List.of("+420601000123"), ZoneId.of("Europe/Prague"), 5, at)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
