package com.supportchat.messaging;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * One discovered {@link EventHandler} method, ready to be called with an event: decodes the data the method takes
 * (undecodable data is a poison event) and turns what it throws into an error signal.
 */
final class HandlerMethod {

    private final Object bean;
    private final Method method;
    private final EventHandler annotation;
    private final Class<?> dataType;
    private final String wantedType;
    private final boolean[] envelopeAt;

    private HandlerMethod(Object bean, Method method, EventHandler annotation, Class<?> dataType, String wantedType,
            boolean[] envelopeAt) {
        this.bean = bean;
        this.method = method;
        this.annotation = annotation;
        this.dataType = dataType;
        this.wantedType = wantedType;
        this.envelopeAt = envelopeAt;
    }

    /** Checks the signature: a {@code Mono}, one data parameter and/or one {@link IncomingEvent}. */
    static HandlerMethod of(Object bean, Method method, EventHandler annotation) {
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (!Mono.class.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException("@EventHandler " + where + " must return a Mono");
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean[] envelopeAt = new boolean[parameters.length];
        Class<?> dataType = null;
        int envelopes = 0;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == IncomingEvent.class) {
                envelopeAt[i] = true;
                envelopes++;
            }
            else if (dataType == null) {
                dataType = parameters[i];
            }
            else {
                throw new IllegalStateException("@EventHandler " + where + " takes more than one data parameter");
            }
        }
        if (parameters.length == 0 || envelopes > 1) {
            throw new IllegalStateException("@EventHandler " + where
                    + " takes the event's data, its IncomingEvent, or both (one of each)");
        }
        method.setAccessible(true);
        return new HandlerMethod(bean, method, annotation, dataType, dataType == null ? null : typeConstant(dataType),
                envelopeAt);
    }

    /** The CloudEvent type a data class declares in its {@code TYPE} constant, or null (it takes any type). */
    private static String typeConstant(Class<?> dataType) {
        try {
            Field field = dataType.getDeclaredField("TYPE");
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                return null;
            }
            field.setAccessible(true);
            return (String) field.get(null);
        }
        catch (NoSuchFieldException | IllegalAccessException ex) {
            return null;
        }
    }

    /** Whether the handler wants records of this CloudEvent type. */
    boolean wants(String type) {
        return wantedType == null || wantedType.equals(type);
    }

    Mono<Void> handle(IncomingEvent event) {
        return Mono.defer(() -> {
            Object data = dataType == null ? null : event.data(dataType);
            Object[] arguments = new Object[envelopeAt.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = envelopeAt[i] ? event : data;
            }
            Object result;
            try {
                result = method.invoke(bean, arguments);
            }
            catch (InvocationTargetException ex) {
                return Mono.error(ex.getCause());
            }
            catch (IllegalAccessException ex) {
                return Mono.error(new IllegalStateException(ex));
            }
            return result == null ? Mono.<Void>empty() : ((Mono<?>) result).then();
        });
    }

    String topic() {
        return annotation.topic();
    }

    String consumer() {
        return annotation.consumer();
    }

    String group() {
        return annotation.group();
    }

    List<String> properties() {
        return List.of(annotation.properties()).stream().sorted().toList();
    }

    boolean observe() {
        return annotation.observe();
    }

    boolean batched() {
        return annotation.batched() && !annotation.observe();
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + consumer() + ")";
    }
}
