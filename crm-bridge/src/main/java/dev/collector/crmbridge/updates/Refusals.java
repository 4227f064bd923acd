package dev.collector.crmbridge.updates;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.collector.crmbridge.intake.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** The errors updates and cancellations end with, as google.rpc.Status the way CaseSubmission sends them. */
final class Refusals {

    private Refusals() {
    }

    static StatusRuntimeException invalid(String message, List<Violation> violations) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message + "; see the field violations")
                .addDetails(Any.pack(Violation.asBadRequest(violations)))
                .build());
    }

    static StatusRuntimeException notFound(String caseId) {
        return dev.collector.crmbridge.auth.CampaignOwnership.noSuchCase(caseId);
    }

    static StatusRuntimeException of(Code code, String message) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .build());
    }
}
