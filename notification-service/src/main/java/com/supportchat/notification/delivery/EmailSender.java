package com.supportchat.notification.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** SMTP through {@link JavaMailSender}; it blocks, so it runs on boundedElastic. Multipart: text and HTML. */
@Component
class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, ChannelProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
    }

    Mono<Void> send(String to, NotificationComposer.Email email) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                        StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(email.subject());
                helper.setText(email.text(), email.html());
                mail.send(message);
            }
            catch (MessagingException ex) {
                throw new ChannelFailure("email could not be built: " + ex.getMessage(), false, ex);
            }
            catch (MailAuthenticationException ex) {
                throw new ChannelFailure("SMTP server refused our credentials", false, ex);
            }
            catch (MailSendException ex) {
                // connection refused, dropped or a 4xx from the server: worth another try
                throw new ChannelFailure("SMTP send failed: " + rootMessage(ex), true, ex);
            }
            catch (MailException ex) {
                throw new ChannelFailure("email rejected: " + rootMessage(ex), false, ex);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
