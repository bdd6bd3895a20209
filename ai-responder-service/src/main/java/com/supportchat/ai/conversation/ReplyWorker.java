package com.supportchat.ai.conversation;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.messaging.KeyedSequencer;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the reply jobs: those this instance enqueued, as soon as their transaction commits, and every
 * {@code sweepEvery} the jobs whose claim ran out anywhere (a crashed instance, a failed attempt). One
 * conversation's jobs run one at a time in order; up to {@code maxConcurrent} run at once.
 *
 * <p>A failed attempt is tried again later (a model failure never fails an attempt: it ends in the built-in answer,
 * so what fails is the database or a job that cannot be worked); when attempt {@code maxAttempts} fails, the job is
 * dead: kept with its reason, never tried again, counted ({@code supportchat.ai.reply.jobs{outcome=dead}}), and the
 * visitor gets the built-in apology, consistent with what a failed model call gives.
 */
@Component
class ReplyWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyWorker.class);
    private static final int SWEEP_BATCH = 100;

    private final ReplyJobStore jobs;
    private final VisitorMessageService service;
    private final ReplyJobProperties properties;
    private final MeterRegistry meters;
    private final KeyedSequencer sequencer = new KeyedSequencer();
    private volatile Disposable running;

    ReplyWorker(ReplyJobStore jobs, VisitorMessageService service, ReplyJobProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.service = service;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void start() {
        Flux<ReplyJob> overdue = Flux.interval(properties.sweepEvery(), properties.sweepEvery())
            .onBackpressureDrop()
            .concatMap(tick -> jobs.claimOverdue(SWEEP_BATCH)
                .doOnNext(job -> {
                    log.info("Taking up the reply to message {} of conversation {} again (attempt {})",
                            job.messageId(), job.conversationId(), job.attempts());
                    meters.counter("supportchat.ai.reply.jobs", "outcome", "taken-up-again").increment();
                })
                .onErrorResume(ex -> {
                    log.warn("Could not look for overdue reply jobs: {}", ex.toString());
                    return Mono.empty();
                }), 1);
        running = Flux.merge(jobs.enqueued(), overdue)
            .flatMap(job -> sequencer.run(job.conversationId(), () -> attempt(job)), properties.maxConcurrent())
            .subscribe();
    }

    private Mono<Void> attempt(ReplyJob job) {
        return service.reactTo(job)
            .doOnSuccess(done -> meters.counter("supportchat.ai.reply.jobs", "outcome", "done").increment())
            .onErrorResume(ex -> {
                Duration delay = properties.retryAfter().multipliedBy(Math.min(job.attempts(), 12));
                meters.counter("supportchat.ai.reply.jobs", "outcome", "failed").increment();
                if (job.attempts() >= properties.maxAttempts()) {
                    return giveUp(job, ex);
                }
                log.warn("Reply to message {} of conversation {} failed (attempt {}: {}); trying again in {}",
                        job.messageId(), job.conversationId(), job.attempts(), ex.toString(), delay);
                return jobs.retryLater(job, delay).onErrorResume(again -> Mono.empty());
            });
    }

    private Mono<Void> giveUp(ReplyJob job, Throwable failure) {
        String reason = String.valueOf(failure);
        return service.giveUp(job, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
            .doOnSuccess(done -> {
                log.error("Reply to message {} of conversation {} failed {} times, the last with {}; the job is dead and "
                        + "the visitor got the built-in apology", job.messageId(), job.conversationId(), job.attempts(),
                        reason);
                meters.counter("supportchat.ai.reply.jobs", "outcome", "dead").increment();
            })
            // the database is away too: the claim runs out, the job is taken up again and dies then
            .onErrorResume(again -> Mono.empty());
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }
}
