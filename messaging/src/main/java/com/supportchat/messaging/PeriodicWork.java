package com.supportchat.messaging;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * The one way a service runs background work now and then: a scan, a sweep, a queue drained by a poll as a safety
 * net. Runs {@link #runOnce()} every {@code every} and whenever {@link #wakeUps()} emits, one run at a time (ticks
 * that arrive during a run collapse into one more run), on a reactive interval that never blocks a thread, for
 * the life of the application. A failed run is logged and the work goes on at the next tick.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    private final String name;
    private final Duration every;
    private volatile Disposable running;

    /**
     * @param name  what the work is, for the log ("unanswered-handoff scan")
     * @param every how often it runs when nothing wakes it
     */
    protected PeriodicWork(String name, Duration every) {
        this.name = name;
        this.every = every;
    }

    /** One run of the work. */
    protected abstract Mono<?> runOnce();

    /** Signals that ask for a run now (new work committed); none by default. */
    protected Flux<?> wakeUps() {
        return Flux.empty();
    }

    @Override
    public void start() {
        running = Flux.merge(Flux.interval(every), wakeUps())
            .onBackpressureLatest()
            .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(ex -> {
                log.warn("{} failed, trying again at the next tick: {}", name, ex.toString());
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
