package dev.collector.app.followups;

import dev.collector.app.config.FollowUpConfig;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.domain.outcome.ContactHistory;
import dev.collector.followups.FollowUpEngine;
import dev.collector.followups.FollowUpSettings;
import dev.collector.followups.FollowingUpContactHistory;
import dev.collector.followups.channels.LogOnlyChannels;
import dev.collector.followups.channels.Mailer;
import dev.collector.followups.channels.MessageTemplates;
import dev.collector.followups.channels.SmppSmsGateway;
import dev.collector.followups.channels.SmsGateway;
import dev.collector.followups.channels.SmtpMailer;
import dev.collector.followups.execution.Backoff;
import dev.collector.followups.rules.RuleBook;
import dev.collector.followups.rules.RuleBookLoader;
import dev.collector.followups.store.CassandraFollowUpStore;
import dev.collector.outcomes.OutcomeStore;
import dev.collector.outcomes.journal.JournaledContactHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact history every writer uses: Cassandra, behind the local journal that keeps outcomes
 * while Cassandra is away, and (if enabled) with follow-ups planned from what is recorded. Whatever
 * it starts is pushed on {@code started}, to be stopped in reverse.
 */
public final class FollowUpWiring {

    private static final Logger log = LoggerFactory.getLogger(FollowUpWiring.class);

    private FollowUpWiring() {
    }

    public static ContactHistory contactHistory(FollowUpConfig config, boolean demo, OutcomeStore store,
            HazelcastCallList callList, Clock clock, Deque<AutoCloseable> started) {
        return contactHistory(config, demo, store, callList, clock, started, promise -> { });
    }

    /** @param brokenPromises told of every broken promise found (segmentation moves the case on) */
    public static ContactHistory contactHistory(FollowUpConfig config, boolean demo, OutcomeStore store,
            HazelcastCallList callList, Clock clock, Deque<AutoCloseable> started,
            java.util.function.Consumer<dev.collector.followups.store.WatchedPromise> brokenPromises) {
        return contactHistory(config, demo, store, callList, clock, started, brokenPromises,
                new StrategyStageFollowUps());
    }

    /**
     * @param brokenPromises told of every broken promise found (segmentation moves the case on)
     * @param stages         the strategy stages cases enter: handed to the engine once it runs (with
     *                       follow-ups disabled, nothing carries them out)
     */
    public static ContactHistory contactHistory(FollowUpConfig config, boolean demo, OutcomeStore store,
            HazelcastCallList callList, Clock clock, Deque<AutoCloseable> started,
            java.util.function.Consumer<dev.collector.followups.store.WatchedPromise> brokenPromises,
            StrategyStageFollowUps stages) {
        JournaledContactHistory journaled = JournaledContactHistory.open(store.contactHistory(), config.journalFile(),
                Duration.ofSeconds(1), Duration.ofSeconds(10));
        started.push(journaled);
        if (!config.enabled()) {
            stages.attach(stage -> log.debug("Follow-ups disabled: stage {} of case {} not carried out",
                    stage.stageKey(), stage.caseId()));
            return journaled;
        }
        RuleBook rules = config.rulesFile().map(RuleBookLoader::read).orElseGet(RuleBookLoader::builtIn);
        SmsGateway sms = config.smpp().<SmsGateway>map(s -> new SmppSmsGateway(s.host(), s.port(), s.systemId(),
                s.password(), s.sourceAddress(), Duration.ofSeconds(10))).orElseGet(LogOnlyChannels::sms);
        started.push(sms);
        Mailer mail = config.smtp().<Mailer>map(s -> new SmtpMailer(s.host(), s.port(), s.from(), s.username(),
                s.password(), s.startTls(), Duration.ofSeconds(10))).orElseGet(LogOnlyChannels::mail);
        if (config.smtp().isEmpty() || config.smpp().isEmpty()) {
            log.warn("Follow-ups: {}{}: messages are only logged, NOT sent (set collector.smtp.host / "
                    + "collector.smpp.host for real delivery)", config.smtp().isEmpty() ? "no SMTP host " : "",
                    config.smpp().isEmpty() ? "no SMPP host" : "");
        }
        CallListCaseFacts facts = new CallListCaseFacts(callList, demo
                ? CallListCaseFacts.demo(config.defaultLanguage())
                : CallListCaseFacts.noEmail(config.defaultLanguage()));
        // planning that fails (Cassandra away) waits on disk beside the outcome journal and is retried until done
        FollowUpSettings settings = new FollowUpSettings(config.contactWindow(),
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), config.pollInterval())
                .withPendingJournal(config.journalFile().resolveSibling("follow-ups-pending.journal"))
                .withClaimExpiry(config.claimExpiry());
        FollowUpEngine engine = new FollowUpEngine(CassandraFollowUpStore.prepare(store.session(), store.keyspace()),
                rules, facts, journaled, sms, mail, new MessageTemplates(config.templatesDir()), settings, clock).whenPromiseBroken(brokenPromises).start();
        started.push(engine);
        stages.attach(engine);
        return new FollowingUpContactHistory(journaled, engine);
    }
}
