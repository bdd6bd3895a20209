package com.supportchat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The listener of one consumer group's container: hands each poll's records to the {@link EventHandler}s that want
 * them. The batchable deliveries of the poll are applied together ({@link InboundEvents#applyBatch}), the others one
 * by one in order per key, the observed ones without the exactly-once record. The returned {@code Mono} completes
 * when every record of the poll is applied, parked or skipped, and never fails: only then does the container commit
 * the poll's offsets, and until then it fetches nothing more (asynchronous acknowledgement pauses the consumer).
 */
final class PollDispatcher {

    private final String group;
    private final Map<String, List<HandlerMethod>> handlersByTopic;
    private final InboundEvents inbound;
    private final MeterRegistry meters;

    PollDispatcher(String group, List<HandlerMethod> handlers, InboundEvents inbound, MeterRegistry meters) {
        this.group = group;
        this.handlersByTopic = handlers.stream().collect(Collectors.groupingBy(HandlerMethod::topic));
        this.inbound = inbound;
        this.meters = meters;
    }

    List<String> topics() {
        return List.copyOf(handlersByTopic.keySet());
    }

    /** Called by the listener container with one poll's records (public: the container calls it reflectively). */
    public Mono<Void> onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<InboundEvents.Delivery> batched = new ArrayList<>();
        List<InboundEvents.Delivery> oneByOne = new ArrayList<>();
        List<InboundEvents.Delivery> observed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            List<HandlerMethod> handlers = handlersByTopic.getOrDefault(record.topic(), List.of());
            String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
            if (type == null && !handlers.isEmpty()) {
                // not a CloudEvent: the first handler's consumer parks it as poison, once
                oneByOne.add(new InboundEvents.Delivery(record, handlers.get(0).consumer(), handlers.get(0)::handle));
                continue;
            }
            boolean wanted = false;
            for (HandlerMethod handler : handlers) {
                if (handler.wants(type)) {
                    wanted = true;
                    InboundEvents.Delivery delivery = new InboundEvents.Delivery(record, handler.consumer(),
                            handler::handle);
                    (handler.observe() ? observed : handler.batched() ? batched : oneByOne).add(delivery);
                }
            }
            if (!wanted) {
                // a service only reads what it acts on: the JSON of other types is never decoded
                meters.counter("supportchat.events.skipped", "group", group, "topic", record.topic()).increment();
            }
        }
        return inbound.applyBatch(batched)
            .then(Flux.concat(Flux.fromIterable(oneByOne).map(d -> inbound.apply(d.record(), d.consumer(), d.handler())),
                    Flux.fromIterable(observed).map(d -> inbound.observe(d.record(), d.consumer(), d.handler())))
                .flatMap(applied -> applied, Integer.MAX_VALUE)
                .then());
    }

    @Override
    public String toString() {
        return "PollDispatcher[" + group + " " + handlersByTopic + "]";
    }
}
