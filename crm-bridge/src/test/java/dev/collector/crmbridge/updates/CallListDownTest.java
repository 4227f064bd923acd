package dev.collector.crmbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.Code;
import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.crmbridge.CrmBridgeServer;
import dev.collector.crmbridge.CrmBridgeSettings;
import dev.collector.crmbridge.feed.HazelcastCrmFeed;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.CeaseContactRequested;
import dev.collector.protos.v1.UpdateCaseRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With its Hazelcast member gone, the bridge says UNAVAILABLE, which tells the CRM to retry. */
class CallListDownTest {

    @Test
    void anUpdateOrCancellationWhileHazelcastIsDownIsUnavailable() throws Exception {
        HazelcastInstance hazelcast = HazelcastMember.start(new HazelcastSettings(
                "crm-bridge-down-" + ProcessHandle.current().pid(), "127.0.0.1", 5931, List.of()));
        ExecutorService worker = Executors.newFixedThreadPool(2);
        HazelcastCallList callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(),
                new InMemoryComplianceAudit(), Clock.systemUTC());
        CrmBridgeServer server = CrmBridgeServer.start(CrmBridgeSettings.loopback(), callList, callList,
                new HazelcastCrmFeed(hazelcast, 1000), hazelcast, Clock.systemUTC());
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        try {
            hazelcast.shutdown();

            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                    () -> CaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                            .updateCase(UpdateCaseRequest.newBuilder().setCaseId("any").setUpdateId("u-1")
                                    .setCeaseContactRequested(CeaseContactRequested.getDefaultInstance()).build()));

            assertThat(StatusProto.fromThrowable(failure).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);

            StatusRuntimeException cancelFailure = catchThrowableOfType(StatusRuntimeException.class,
                    () -> CaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                            .cancelCase(CancelCaseRequest.newBuilder().setCaseId("any").setReason("sold").build()));

            assertThat(StatusProto.fromThrowable(cancelFailure).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.close();
            worker.shutdownNow();
        }
    }
}
