package com.supportchat.messaging;

import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import jakarta.validation.ValidationException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;

/**
 * Tells a failure that passes by itself (the database or broker is away for a while) from one that the event
 * itself causes and that no retry will cure. The whole cause chain is looked at, because drivers and Spring wrap.
 *
 * <p>Inbound events ({@link #ofHandling}), first match wins:
 * <ol>
 * <li><b>poison</b>: a {@link PoisonEventException} anywhere in the chain (not a CloudEvent, undecodable data, a
 * listener's guard clause): to the dead-letter topic at once;</li>
 * <li><b>infrastructure</b>: R2DBC transient and resource exceptions (connection refused or closed, time-outs,
 * roll-backs), Spring's transient, recoverable and resource-failure data access exceptions, I/O errors, time-outs
 * and Kafka client errors: retried without limit, because the event is fine and will apply once the dependency is
 * back;</li>
 * <li><b>refused</b>: what code throws when the event does not fit the state or the rules
 * ({@code IllegalArgumentException}, {@code IllegalStateException}, bean validation, {@code NullPointerException}
 * and the other programming-error exceptions a malformed event provokes, JSON errors, and non-transient data
 * access errors such as an integrity violation or bad SQL): a few attempts (a refusal can be a race with another
 * consumer), then the dead-letter topic;</li>
 * <li>anything else is <b>infrastructure</b>: an unknown failure stalls one key visibly (log, metric) rather than
 * silently moving a good event where nothing reads it.</li>
 * </ol>
 */
final class Failures {

    enum Kind {
        POISON, REFUSED, INFRASTRUCTURE
    }

    private static final int MAX_DEPTH = 10;

    private Failures() {
    }

    static Kind ofHandling(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(PoisonEventException.class::isInstance)) {
            return Kind.POISON;
        }
        if (chain.stream().anyMatch(Failures::isInfrastructure)) {
            return Kind.INFRASTRUCTURE;
        }
        return isRefusal(failure) ? Kind.REFUSED : Kind.INFRASTRUCTURE;
    }

    /**
     * Whether Kafka refused the record itself, for good: any {@code org.apache.kafka.common.errors} exception that is
     * not retriable ({@code RecordTooLargeException}, {@code InvalidTopicException}, {@code SerializationException},
     * the record over {@code max.request.size} ...). Not counted: the producer's own state (fenced, sequence and epoch
     * errors) and missing rights, which say nothing about the record: parking every row for them would turn an outage
     * into a manual re-send of everything.
     */
    static boolean kafkaRefusesRecord(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof KafkaException kafka && kafka.getClass().getPackageName()
                .equals("org.apache.kafka.common.errors")) {
                return !(kafka instanceof RetriableException || kafka instanceof AuthenticationException
                        || kafka instanceof AuthorizationException || kafka instanceof ProducerFencedException
                        || kafka instanceof OutOfOrderSequenceException || kafka instanceof UnknownProducerIdException
                        || kafka instanceof InvalidProducerEpochException || kafka instanceof InterruptException);
            }
        }
        return false;
    }

    /** The message of the innermost cause that has one, with its class: what an operator needs to read. */
    static String describe(Throwable failure) {
        Throwable described = failure;
        for (Throwable cause : chain(failure)) {
            if (cause.getMessage() != null) {
                described = cause;
            }
        }
        String text = described.getClass().getSimpleName() + ": " + described.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static boolean isInfrastructure(Throwable cause) {
        return cause instanceof R2dbcTransientException || cause instanceof R2dbcNonTransientResourceException
                || cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                || cause instanceof RecoverableDataAccessException || cause instanceof TimeoutException
                || cause instanceof IOException
                || cause instanceof KafkaException && !kafkaRefusesRecord(cause);
    }

    private static boolean isRefusal(Throwable failure) {
        if (failure instanceof UncategorizedDataAccessException) {
            return false;
        }
        return failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof ValidationException || failure instanceof NullPointerException
                || failure instanceof ClassCastException || failure instanceof IndexOutOfBoundsException
                || failure instanceof UnsupportedOperationException || failure instanceof ArithmeticException
                || failure instanceof DateTimeException || failure instanceof JacksonException
                || failure instanceof NonTransientDataAccessException || failure instanceof R2dbcNonTransientException
                || failure instanceof KafkaException;
    }

    /** The failure and its causes, outermost first, at most {@value #MAX_DEPTH} deep (a cycle ends too). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < MAX_DEPTH && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
