package dev.collector.caseloader.load;

import com.google.rpc.BadRequest.FieldViolation;
import dev.collector.caseloader.csv.CaseLines;
import dev.collector.caseloader.csv.Column;
import dev.collector.caseloader.report.RejectedRow;
import dev.collector.protos.v1.RejectedCase;
import dev.collector.protos.v1.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts the server's refusal of a case back on the rows of the file it came from. */
final class ServerRejections {

    private static final Pattern CLAIM_PATH = Pattern.compile("claims\\[(\\d+)](?:\\.(.*))?");
    private static final String PREFIX = "REJECTION_REASON_";

    private ServerRejections() {
    }

    static String reasonName(RejectionReason reason) {
        String name = reason == RejectionReason.UNRECOGNIZED ? "UNRECOGNIZED" : reason.name();
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /** One row per field violation, on the claim's row when a claim is at fault, else the case's first. */
    static List<RejectedRow> rows(RejectedCase rejected, CaseLines lines) {
        String reason = reasonName(rejected.getReason());
        String caseId = rejected.getCaseId().isEmpty() ? lines.caseId() : rejected.getCaseId();
        List<RejectedRow> rows = new ArrayList<>();
        for (FieldViolation violation : rejected.getViolationsList()) {
            String path = violation.getField();
            Matcher claim = CLAIM_PATH.matcher(path);
            long line = claim.matches() ? lines.lineOfClaim(Integer.parseInt(claim.group(1))) : lines.firstLine();
            rows.add(new RejectedRow(line, caseId, column(path), reason, violation.getDescription()));
        }
        if (rows.isEmpty()) {
            rows.add(new RejectedRow(lines.firstLine(), caseId, "", reason, describe(rejected.getReason())));
        }
        return rows;
    }

    /** The CSV column a field path of Case points at, or the path itself when no column holds it. */
    static String column(String path) {
        Matcher claim = CLAIM_PATH.matcher(path);
        if (claim.matches()) {
            String rest = claim.group(2) == null ? "" : claim.group(2);
            if (rest.startsWith("claim_id")) {
                return Column.CLAIM_ID.header();
            } else if (rest.startsWith("amount_due.currency_code")) {
                return Column.CURRENCY.header();
            } else if (rest.startsWith("amount_due")) {
                return Column.AMOUNT.header();
            } else if (rest.startsWith("due_date")) {
                return Column.DUE_DATE.header();
            }
            return path;
        }
        if (path.startsWith("debtor.debtor_id")) {
            return Column.DEBTOR_ID.header();
        } else if (path.startsWith("debtor.name")) {
            return Column.DEBTOR_NAME.header();
        } else if (path.startsWith("phone_numbers")) {
            return Column.PHONE_NUMBERS.header();
        }
        return path; // case_id, campaign_id, time_zone, priority, version: named alike in both
    }

    private static String describe(RejectionReason reason) {
        switch (reason) {
            case REJECTION_REASON_STALE_VERSION:
                return "the server holds a newer version of the case";
            case REJECTION_REASON_PERMISSION_DENIED:
                return "the campaign or the case id belongs to another tenant";
            case REJECTION_REASON_CAMPAIGN_NOT_OPEN:
                return "the campaign does not exist or is closed";
            case REJECTION_REASON_INVALID:
                return "the case is invalid";
            default:
                return "refused by the server";
        }
    }
}
