package dev.collector.caseloader.csv;

import dev.collector.protos.v1.Case;
import java.util.List;

/** What the loader makes of the consecutive rows of one case. */
public sealed interface CallListEntry permits CallListEntry.Parsed, CallListEntry.Unparseable {

    String caseId();

    /** A case ready to send, and where in the file each of its parts came from. */
    record Parsed(Case value, CaseLines lines) implements CallListEntry {
        @Override
        public String caseId() {
            return value.getCaseId();
        }
    }

    /** A case not sent because some of its rows could not be read; every one of its rows is named. */
    record Unparseable(String caseId, List<RowProblem> problems) implements CallListEntry {
        public Unparseable {
            problems = List.copyOf(problems);
        }
    }
}
