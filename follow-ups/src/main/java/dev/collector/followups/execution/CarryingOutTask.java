package dev.collector.followups.execution;

import dev.collector.compliance.window.CallingWindow;
import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import dev.collector.followups.channels.DeliveryFailed;
import dev.collector.followups.channels.Mailer;
import dev.collector.followups.channels.MessageTemplates;
import dev.collector.followups.channels.SmsGateway;
import dev.collector.followups.sla.EscalatingOverdueTask;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.followups.store.Delivery;
import dev.collector.followups.store.ScheduleEntry;
import dev.collector.followups.task.FollowUpTask;
import dev.collector.followups.task.TaskKind;
import dev.collector.followups.task.TaskStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's due time came. The case is read as it stands now: closed, or held (cease contact,
 * dispute, ...), and nothing goes out. A message waits for the debtor's contact window (no SMS at
 * night in the debtor's zone), then goes to the provider; a failure is recorded and tried again
 * after a growing wait, until it succeeds or its deadline escalates it. Letters and calls go to
 * their work queue for a person.
 */
public final class CarryingOutTask {

    private static final Logger log = LoggerFactory.getLogger(CarryingOutTask.class);

    private final CassandraFollowUpStore store;
    private final CaseFacts facts;
    private final SmsGateway sms;
    private final Mailer mail;
    private final MessageTemplates templates;
    private final CallingWindow contactWindow;
    private final Backoff backoff;
    private final EscalatingOverdueTask escalating;

    public CarryingOutTask(CassandraFollowUpStore store, CaseFacts facts, SmsGateway sms, Mailer mail,
            MessageTemplates templates, CallingWindow contactWindow, Backoff backoff, EscalatingOverdueTask escalating) {
        this.store = store;
        this.facts = facts;
        this.sms = sms;
        this.mail = mail;
        this.templates = templates;
        this.contactWindow = contactWindow;
        this.backoff = backoff;
        this.escalating = escalating;
    }

    /**
     * @param mayDeliver asked right before a message goes out: whether this node still safely holds
     *                   the task (its claim is young enough that no other node can take it over
     *                   during the send); if not, nothing is sent and the task is left as it was
     */
    public FollowUpTask run(FollowUpTask task, Instant now, java.util.function.BooleanSupplier mayDeliver) {
        Optional<CaseFact> found = current(task.caseId());
        if (found.isEmpty() || !found.get().open()) {
            return suppress(task, "the case is closed", now);
        }
        CaseFact fact = found.get();
        if (fact.contactForbiddenBy().isPresent()) {
            return suppress(task, "hold " + fact.contactForbiddenBy().get() + " forbids contact", now);
        }
        if (!task.kind().isMessage()) {
            store.enqueue(task.queue(), task, now);
            FollowUpTask queued = task.withStatus(TaskStatus.QUEUED);
            store.save(queued, now);
            return queued;
        }
        if (!contactWindow.isOpenAt(now, fact.aCase().timeZone())) {
            Instant opening = contactWindow.nextOpening(now, fact.aCase().timeZone());
            // the SLA counts from when the message may go out: a night's wait is not a missed deadline
            FollowUpTask later = task.deferredTo(opening);
            store.schedule(task.taskId(), ScheduleEntry.Purpose.RUN, opening);
            store.schedule(task.taskId(), ScheduleEntry.Purpose.DEADLINE, later.deadline());
            store.save(later, now);
            log.debug("Follow-up {} waits for the debtor's contact window: {}", task.taskId(), opening);
            return later;
        }
        if (!mayDeliver.getAsBoolean()) {
            // the case read was slow: another node may take the task over any moment, so sending now
            // could send twice; the claim lapses and the task goes out on a later sweep
            throw new IllegalStateException("the claim on follow-up " + task.taskId() + " is too old to send under");
        }
        try {
            String detail = deliver(task, fact);
            store.recordDelivery(new Delivery(task.taskId(), now, task.kind().name(), true, detail));
            FollowUpTask done = task.withStatus(TaskStatus.DONE);
            store.save(done, now);
            return done;
        } catch (DeliveryFailed e) {
            store.recordDelivery(new Delivery(task.taskId(), now, task.kind().name(), false, e.getMessage()));
            if (e.permanent()) {
                return escalating.escalate(task, "cannot be sent: " + e.getMessage(), now);
            }
            Instant next = now.plus(backoff.after(task.attempts() + 1));
            FollowUpTask retry = task.failedTry(e.getMessage(), next);
            store.schedule(task.taskId(), ScheduleEntry.Purpose.RUN, next);
            store.save(retry, now);
            log.info("Follow-up {} failed ({}): try {} at {}", task.taskId(), e.getMessage(), retry.attempts() + 1, next);
            return retry;
        }
    }

    private String deliver(FollowUpTask task, CaseFact fact) throws DeliveryFailed {
        MessageTemplates.Message message = templates.fill(task.template(), fact, task);
        if (task.kind() == TaskKind.SMS) {
            return "SMSC message id " + sms.send(fact.aCase().primaryPhone(), message.body());
        }
        String to = fact.email().orElseThrow(() -> new DeliveryFailed("no e-mail address for debtor "
                + fact.aCase().debtor().debtorId(), true, null));
        return mail.send(to, message.subject(), message.body());
    }

    private FollowUpTask suppress(FollowUpTask task, String why, Instant now) {
        FollowUpTask suppressed = task.movedTo(task.queue(), TaskStatus.SUPPRESSED, why);
        store.save(suppressed, now);
        log.info("Follow-up {} of case {} not carried out: {}", task.taskId(), task.caseId(), why);
        return suppressed;
    }

    private Optional<CaseFact> current(String caseId) {
        try {
            return facts.current(caseId).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading case " + caseId + " failed: " + e.getMessage(), e);
        }
    }
}
