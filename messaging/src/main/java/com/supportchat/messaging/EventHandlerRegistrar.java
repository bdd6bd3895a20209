package com.supportchat.messaging;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * Finds the {@link EventHandler} methods of every bean and gives each consumer group one listener container, a batch
 * listener whose {@link PollDispatcher} hands the records to the handlers. One container per group, not per handler:
 * a group must never have two members that subscribe to the same topic from one instance, and one consumer per
 * group keeps a key's events of several topics (the live fan-out reads three) in one ordered stream. Committed
 * offsets belong to the group, so a service whose listeners used the same group ids upgrades without re-reading or
 * skipping anything.
 */
class EventHandlerRegistrar implements BeanPostProcessor, KafkaListenerConfigurer, BeanFactoryAware, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(EventHandlerRegistrar.class);
    static final String SERVICE_GROUP = "spring.kafka.consumer.group-id";

    private final List<HandlerMethod> handlers = new ArrayList<>();
    private BeanFactory beanFactory;
    private Environment environment;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> target = AopUtils.getTargetClass(bean);
        Map<Method, EventHandler> found = MethodIntrospector.selectMethods(target,
                (MethodIntrospector.MetadataLookup<EventHandler>) method -> AnnotatedElementUtils
                    .findMergedAnnotation(method, EventHandler.class));
        found.forEach((method, annotation) -> handlers
            .add(HandlerMethod.of(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
        return bean;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        if (handlers.isEmpty()) {
            return;
        }
        InboundEvents inbound = beanFactory.getBean(InboundEvents.class);
        MeterRegistry meters = beanFactory.getBeanProvider(MeterRegistry.class).getIfAvailable(SimpleMeterRegistry::new);
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.setBeanFactory(beanFactory);
        methods.afterPropertiesSet();
        Map<String, List<HandlerMethod>> byGroup = new LinkedHashMap<>();
        handlers.forEach(handler -> byGroup.computeIfAbsent(handler.group(), g -> new ArrayList<>()).add(handler));
        int index = 0;
        for (Map.Entry<String, List<HandlerMethod>> entry : byGroup.entrySet()) {
            List<HandlerMethod> ofGroup = entry.getValue();
            checkConsistent(entry.getKey(), ofGroup);
            // resolved once per group: a ${random.uuid} gives all handlers of the group the same instance group
            String group = entry.getKey().isEmpty() ? serviceGroup() : environment.resolveRequiredPlaceholders(entry.getKey());
            PollDispatcher dispatcher = new PollDispatcher(group, ofGroup, inbound, meters);
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId("event-handlers-" + index++);
            endpoint.setGroupId(group);
            endpoint.setTopics(dispatcher.topics().toArray(String[]::new));
            endpoint.setBean(dispatcher);
            endpoint.setMethod(onPoll());
            endpoint.setBatchListener(true);
            endpoint.setMessageHandlerMethodFactory(methods);
            endpoint.setBeanFactory(beanFactory);
            endpoint.setConsumerProperties(properties(ofGroup.get(0).properties()));
            registrar.registerEndpoint(endpoint);
            log.info("Event handlers of group {}: {}", group, ofGroup);
        }
    }

    private String serviceGroup() {
        String group = environment.getProperty(SERVICE_GROUP, environment.getProperty("spring.application.name"));
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("@EventHandler without a group needs " + SERVICE_GROUP);
        }
        return group;
    }

    private static void checkConsistent(String group, List<HandlerMethod> handlers) {
        Set<String> consumersByTopic = new HashSet<>();
        for (HandlerMethod handler : handlers) {
            if (!handler.properties().equals(handlers.get(0).properties())) {
                throw new IllegalStateException("Handlers of group '" + group + "' name different consumer properties: "
                        + handlers.get(0) + " " + handlers.get(0).properties() + ", " + handler + " "
                        + handler.properties());
            }
            if (!consumersByTopic.add(handler.topic() + " " + handler.consumer())) {
                throw new IllegalStateException("Two handlers of " + handler.topic() + " record their events as "
                        + handler.consumer() + "; each needs its own consumer name");
            }
        }
    }

    private static Properties properties(List<String> pairs) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(String.join("\n", pairs)));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return properties;
    }

    private static Method onPoll() {
        try {
            return PollDispatcher.class.getMethod("onPoll", List.class);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
