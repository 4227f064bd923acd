package dev.collector.followups.channels;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/** E-mail over SMTP (Jakarta Mail): one connection per message, which is plenty for follow-ups. */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final InternetAddress from;

    /**
     * @param username empty for a server that takes mail without logging in
     * @param startTls upgrade the connection with STARTTLS (required when set)
     */
    public SmtpMailer(String host, int port, String from, Optional<String> username, String password, boolean startTls,
            Duration timeout) {
        Objects.requireNonNull(host, "host");
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        if (startTls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (username.isPresent()) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password);
                }
            };
        }
        this.session = Session.getInstance(props, auth);
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender address '" + from + "' is not an e-mail address", e);
        }
    }

    @Override
    public String send(String to, String subject, String body) throws DeliveryFailed {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        } catch (AddressException e) {
            throw new DeliveryFailed("'" + to + "' is not an e-mail address", true, e);
        } catch (MessagingException e) {
            throw new DeliveryFailed(e.getMessage(), true, e);
        }
        try {
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(message);
            return "accepted by SMTP as " + message.getMessageID();
        } catch (SendFailedException e) {
            // the server refused the recipient: retrying the same address will not help
            boolean permanent = e.getValidSentAddresses() == null && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0;
            throw new DeliveryFailed("SMTP refused: " + e.getMessage(), permanent, e);
        } catch (MessagingException e) {
            throw new DeliveryFailed("SMTP: " + e.getMessage(), false, e);
        }
    }
}
