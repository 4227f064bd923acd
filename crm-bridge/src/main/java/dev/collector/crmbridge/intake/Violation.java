package dev.collector.crmbridge.intake;

import com.google.rpc.BadRequest;
import java.util.List;
import java.util.Objects;

/**
 * One problem with a submitted case.
 *
 * @param field  path of the offending field from the request's root, with proto field names and
 *               list indexes, e.g. {@code cases[3].debtor.debtor_id}
 * @param reason what is wrong, in words the CRM's developer can act on
 */
public record Violation(String field, String reason) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** The violations as the google.rpc.BadRequest detail of an INVALID_ARGUMENT status. */
    public static BadRequest asBadRequest(List<Violation> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        violations.forEach(v -> badRequest.addFieldViolationsBuilder().setField(v.field()).setDescription(v.reason()));
        return badRequest.build();
    }
}
