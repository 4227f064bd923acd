package dev.collector.followups.planning;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.outcome.Outcome;
import dev.collector.followups.stages.StageAction;
import dev.collector.followups.stages.StageEntered;
import dev.collector.outcomes.journal.JournalCodec;
import dev.collector.outcomes.journal.OutcomeJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attempts, outcomes and strategy stages whose follow-ups could not be planned yet (Cassandra or the call list
 * away), kept in a local journal (fsync per entry) until planning succeeds: a restart in the middle
 * of an outage loses none, and the engine plans them again at start. Only failures are journaled,
 * so a healthy run costs no disk write; planning is idempotent, so an entry planned twice (a crash
 * between planning and forgetting it) creates its tasks once. Not thread-safe: the engine's thread
 * owns it.
 */
public final class PendingPlans implements AutoCloseable {

    private final Optional<OutcomeJournal> journal;
    private final Map<String, Object> pending = new LinkedHashMap<>();

    private PendingPlans(Optional<OutcomeJournal> journal) {
        this.journal = journal;
    }

    /** @param file empty: pending plans live in memory only and a restart loses them */
    public static PendingPlans open(Optional<Path> file) {
        PendingPlans plans = new PendingPlans(file.map(OutcomeJournal::open));
        plans.journal.ifPresent(j -> {
            try {
                for (byte[] record : j.readAll()) {
                    Object cause = record.length > 0 && record[0] == STAGE ? decodeStage(record)
                            : JournalCodec.decode(record);
                    plans.pending.put(keyOf(cause), cause);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the pending follow-ups journal " + j.file(), e);
            }
        });
        return plans;
    }

    /** What an earlier run could not plan, oldest first: plan each again. */
    public List<Object> recovered() {
        return List.copyOf(new ArrayList<>(pending.values()));
    }

    /** Planning the cause failed: keep it (on disk) until {@link #planned} says otherwise. */
    public void failed(Object cause) {
        if (pending.putIfAbsent(keyOf(cause), cause) != null) {
            return;
        }
        journal.ifPresent(j -> {
            try {
                j.append(cause instanceof StageEntered stage ? encodeStage(stage) : JournalCodec.encode(cause));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot journal a pending follow-up plan in " + j.file(), e);
            }
        });
    }

    /** Planned at last. The journal is emptied once nothing is pending (what it still lists is planned). */
    public void planned(Object cause) {
        if (pending.remove(keyOf(cause)) == null || !pending.isEmpty()) {
            return;
        }
        journal.ifPresent(j -> {
            try {
                j.clear();
            } catch (IOException e) {
                // not fatal: what stays in the file is planned again at start, which creates nothing twice
                throw new UncheckedIOException("Cannot empty the pending follow-ups journal " + j.file(), e);
            }
        });
    }

    public int size() {
        return pending.size();
    }

    private static String keyOf(Object cause) {
        if (cause instanceof Outcome outcome) {
            return "outcome/" + outcome.attemptId();
        }
        if (cause instanceof CallAttempt attempt) {
            return "attempt/" + attempt.attemptId();
        }
        if (cause instanceof StageEntered stage) {
            return "stage/" + stage.caseId() + "/" + stage.stageKey();
        }
        throw new IllegalArgumentException("not an attempt, an outcome or a stage: " + cause);
    }

    /**
     * A stage entered, in a record of its own type: the outcome journal's codec knows attempts and
     * outcomes (types 1 and 2), and its first byte tells them apart from this one.
     */
    private static final byte STAGE = 100;

    static byte[] encodeStage(StageEntered stage) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(STAGE);
            out.writeUTF(stage.caseId());
            out.writeUTF(stage.debtorId());
            out.writeUTF(stage.campaignId());
            out.writeUTF(stage.strategy());
            out.writeUTF(stage.stageKey());
            out.writeLong(stage.enteredAt().getEpochSecond());
            out.writeInt(stage.enteredAt().getNano());
            out.writeInt(stage.actions().size());
            for (StageAction action : stage.actions()) {
                out.writeUTF(action.kind().name());
                out.writeUTF(action.template());
                out.writeUTF(action.cost().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StageEntered decodeStage(byte[] record) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(record))) {
            in.readByte();
            String caseId = in.readUTF();
            String debtorId = in.readUTF();
            String campaignId = in.readUTF();
            String strategy = in.readUTF();
            String stageKey = in.readUTF();
            java.time.Instant enteredAt = java.time.Instant.ofEpochSecond(in.readLong(), in.readInt());
            int count = in.readInt();
            List<StageAction> actions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                actions.add(new StageAction(dev.collector.followups.task.TaskKind.valueOf(in.readUTF()), in.readUTF(),
                        new java.math.BigDecimal(in.readUTF())));
            }
            return new StageEntered(caseId, debtorId, campaignId, strategy, stageKey, enteredAt, actions);
        }
    }

    @Override
    public void close() throws IOException {
        if (journal.isPresent()) {
            journal.get().close();
        }
    }
}
