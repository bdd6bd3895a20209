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
                            job.message().messageId(), job.conversationId(), job.attempts());
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
                log.warn("Reply to message {} of conversation {} failed (attempt {}: {}); trying again in {}",
                        job.message().messageId(), job.conversationId(), job.attempts(), ex.toString(), delay);
                meters.counter("supportchat.ai.reply.jobs", "outcome", "failed").increment();
                return jobs.retryLater(job, delay).onErrorResume(again -> Mono.empty());
            });
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
