package dev.collector.crmbridge.auth;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Writes down each CRM read of and change to a debtor's data in the {@link AccessAudit}: a case's
 * history read, a case updated or cancelled (once the call succeeded: a refused call saw and
 * changed nothing), and an outcome stream opened (when its request arrives: the stream may run for
 * days). Installed after {@link Authentication}, whose caller it names. Recording never blocks and
 * never fails the call.
 */
public final class AccessAuditing implements ServerInterceptor {

    /** Audited methods and whether they are recorded on success (case methods) or when asked (streams). */
    private static final Map<String, Boolean> ON_SUCCESS = Map.of(
            CaseServiceGrpc.getListCaseHistoryMethod().getFullMethodName(), true,
            CaseServiceGrpc.getUpdateCaseMethod().getFullMethodName(), true,
            CaseServiceGrpc.getCancelCaseMethod().getFullMethodName(), true,
            OutcomeServiceGrpc.getStreamOutcomesMethod().getFullMethodName(), false);

    private final AccessAudit audit;
    private final Clock clock;

    public AccessAuditing(AccessAudit audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        Boolean onSuccess = ON_SUCCESS.get(method);
        Caller caller = Caller.KEY.get();
        if (onSuccess == null || caller == null) {
            return next.startCall(call, headers);
        }
        String action = method.substring(method.indexOf('.', "collector.".length()) + 1); // CaseService/UpdateCase
        Request seen = new Request();
        ServerCall<ReqT, RespT> watched = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (onSuccess && status.isOk() && seen.message != null) {
                    record(caller, action, seen.message);
                }
                super.close(status, trailers);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(watched, headers)) {
            @Override
            public void onMessage(ReqT message) {
                if (seen.message == null && message instanceof Message request) {
                    seen.message = request;
                    if (!onSuccess) {
                        record(caller, action, request);
                    }
                }
                super.onMessage(message);
            }
        };
    }

    private void record(Caller caller, String action, Message request) {
        try {
            audit.record(new DataAccess(clock.instant(), caller.role(), caller.clientId(), action,
                    text(request, "case_id"), detail(caller, request)));
        } catch (RuntimeException e) {
            // the audit is fire and forget by contract; a broken one must not fail the CRM's call
        }
    }

    /** What else names the read: the tenant and the fields that say which page, campaign or cursor. */
    private static String detail(Caller caller, Message request) {
        StringBuilder detail = new StringBuilder("tenant=").append(caller.tenantId());
        for (String field : new String[] {"campaign_id", "page_token", "update_id", "after_cursor"}) {
            String value = text(request, field);
            if (!value.isEmpty()) {
                detail.append(' ').append(field).append('=').append(value);
            }
        }
        return detail.toString();
    }

    private static String text(Message request, String field) {
        FieldDescriptor descriptor = request.getDescriptorForType().findFieldByName(field);
        if (descriptor == null || descriptor.getJavaType() != FieldDescriptor.JavaType.STRING) {
            return "";
        }
        return (String) request.getField(descriptor);
    }

    /** The first request message of a call: written on gRPC's serializing executor, read at close. */
    private static final class Request {
        volatile Message message;
    }
}
