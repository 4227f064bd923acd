package dev.collector.outcomes.journal;

import dev.collector.domain.call.CallAttempt;
import dev.collector.domain.call.CallResult;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.domain.outcome.PaymentChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Call attempts and outcomes as journal records. A format of our own, not Java serialization: the
 * journal must read back after the domain classes change shape, and its fields are few.
 */
public final class JournalCodec {

    private static final byte ATTEMPT = 1;
    private static final byte OUTCOME = 2;
    /** The disposition tag of a promise with its payment channel (a plain PROMISE_TO_PAY is one journaled before). */
    private static final String PROMISE_WITH_CHANNEL = "PROMISE_TO_PAY+CHANNEL";

    private JournalCodec() {
    }

    public static byte[] encode(Object entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry instanceof CallAttempt a) {
                out.writeByte(ATTEMPT);
                text(out, a.attemptId());
                text(out, a.caseId());
                text(out, a.campaignId());
                text(out, a.phoneNumber());
                optionalText(out, a.agentId());
                instant(out, a.dialedAt());
                out.writeBoolean(a.answeredAt().isPresent());
                if (a.answeredAt().isPresent()) {
                    instant(out, a.answeredAt().get());
                }
                instant(out, a.endedAt());
                text(out, a.result().name());
                out.writeInt(a.hangupCause());
            } else if (entry instanceof Outcome o) {
                out.writeByte(OUTCOME);
                text(out, o.attemptId());
                text(out, o.caseId());
                text(out, o.campaignId());
                text(out, o.debtorId());
                text(out, o.agentId());
                if (o.disposition() instanceof Disposition.PromiseToPay p) {
                    // its own tag, not the code: promises journaled before the channel existed
                    // (tag PROMISE_TO_PAY, no channel) must still read back after an upgrade
                    text(out, PROMISE_WITH_CHANNEL);
                    text(out, p.amount().toPlainString());
                    text(out, p.promisedFor().toString());
                    text(out, p.channel().name());
                } else if (o.disposition() instanceof Disposition.PaymentTaken paid) {
                    text(out, paid.code());
                    text(out, paid.amount().toPlainString());
                    text(out, paid.channel().name());
                } else {
                    text(out, o.disposition().code());
                }
                if (o.disposition() instanceof Disposition.CallbackRequested c) {
                    instant(out, c.at());
                }
                text(out, o.notes());
                instant(out, o.recordedAt());
            } else {
                throw new IllegalArgumentException("Not a journal entry: " + entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A {@link CallAttempt} or an {@link Outcome}. */
    public static Object decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            byte type = in.readByte();
            if (type == ATTEMPT) {
                String attemptId = text(in);
                String caseId = text(in);
                String campaignId = text(in);
                String phone = text(in);
                Optional<String> agent = optionalText(in);
                Instant dialed = instant(in);
                Optional<Instant> answered = in.readBoolean() ? Optional.of(instant(in)) : Optional.empty();
                Instant ended = instant(in);
                CallResult result = CallResult.valueOf(text(in));
                int cause = in.readInt();
                return new CallAttempt(attemptId, caseId, campaignId, phone, agent, dialed, answered, ended, result,
                        cause);
            }
            if (type == OUTCOME) {
                String attemptId = text(in);
                String caseId = text(in);
                String campaignId = text(in);
                String debtorId = text(in);
                String agentId = text(in);
                String code = text(in);
                Disposition disposition = switch (code) {
                    case "PROMISE_TO_PAY" -> new Disposition.PromiseToPay(new BigDecimal(text(in)),
                            LocalDate.parse(text(in)));
                    case PROMISE_WITH_CHANNEL -> new Disposition.PromiseToPay(new BigDecimal(text(in)),
                            LocalDate.parse(text(in)), PaymentChannel.valueOf(text(in)));
                    case "PAYMENT_TAKEN" -> new Disposition.PaymentTaken(new BigDecimal(text(in)),
                            PaymentChannel.valueOf(text(in)));
                    case "THIRD_PARTY" -> new Disposition.ThirdParty();
                    case "DECEASED" -> new Disposition.Deceased();
                    case "CEASE_CONTACT" -> new Disposition.CeaseContact();
                    case "CALLBACK_REQUESTED" -> new Disposition.CallbackRequested(instant(in));
                    case "REFUSED" -> new Disposition.Refused();
                    case "WRONG_PARTY" -> new Disposition.WrongParty();
                    case "NO_CONTACT" -> new Disposition.NoContact();
                    case "DISPUTED" -> new Disposition.Disputed();
                    default -> throw new IllegalStateException("Unknown disposition code in the journal: " + code);
                };
                String notes = text(in);
                Instant recordedAt = instant(in);
                return new Outcome(attemptId, caseId, campaignId, debtorId, agentId, disposition, notes, recordedAt);
            }
            throw new IllegalStateException("Unknown journal record type " + type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void optionalText(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            text(out, value.get());
        }
    }

    private static Optional<String> optionalText(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
    }

    private static void instant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
