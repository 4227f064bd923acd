package dev.collector.domain.casework;

/** What became of one case handed to {@link CallList#admitAll}. */
public sealed interface Admission {

    String caseId();

    /** The case is in its call list: new, or replacing the version held. */
    record Admitted(String caseId, boolean isNew) implements Admission {
    }

    /** Refused: the call list holds a newer version of the case, which stays as it was. */
    record StaleVersion(String caseId, long submittedVersion, long heldVersion) implements Admission {
    }

    /** Refused: a case with this id is held for someone else (another tenant's campaign). */
    record HeldElsewhere(String caseId) implements Admission {
    }
}
