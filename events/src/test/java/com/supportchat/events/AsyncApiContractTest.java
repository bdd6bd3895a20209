package com.supportchat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The published language and its documentation for platform teams agree: every event record has a schema in
 * docs/asyncapi.yaml with exactly its fields (none undocumented, none documented that does not exist), enum fields
 * list exactly the Java constants, its CloudEvents {@code type} is a message's {@code ce_type}, its topic is a
 * channel, and the documented examples carry only fields the record has.
 */
class AsyncApiContractTest {

    private static Map<String, Object> doc;

    @BeforeAll
    static void readTheDocument() throws IOException {
        Path path = Stream.of(Path.of("../docs/asyncapi.yaml"), Path.of("docs/asyncapi.yaml"))
            .filter(Files::exists).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(path)) {
            doc = new Yaml().load(in);
        }
    }

    /** Every record that is published: the implementations of the sealed event interfaces. */
    static Stream<Class<?>> events() {
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> family : List.of(ConversationEvent.class, HandoffEvent.class, ResponderEvent.class)) {
            events.addAll(Arrays.asList(family.getPermittedSubclasses()));
        }
        for (Class<?> single : List.of(ArticleChanged.class, VisitorIdentified.class, WidgetSettingsChanged.class,
                NotificationDelivered.class, HandoffSettingsChanged.class, OperatorAccessChanged.class)) {
            if (!events.contains(single)) {
                events.add(single);
            }
        }
        return events.stream().filter(Class::isRecord);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSchemaHasExactlyTheRecordsFields(Class<?> event) {
        Map<String, Object> schema = map(map(map(doc, "components"), "schemas"), event.getSimpleName());
        assertThat(schema).as("schema %s in docs/asyncapi.yaml", event.getSimpleName()).isNotNull();
        Set<String> documented = map(schema, "properties").keySet();
        Set<String> fields = new HashSet<>();
        for (RecordComponent component : event.getRecordComponents()) {
            fields.add(component.getName());
        }
        assertThat(documented).as("fields of %s", event.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        assertThat(fields).as("required fields of %s exist", event.getSimpleName()).containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void enumFieldsListExactlyTheJavaConstants(Class<?> event) {
        for (RecordComponent component : event.getRecordComponents()) {
            if (!component.getType().isEnum()) {
                continue;
            }
            Map<String, Object> schemas = map(map(doc, "components"), "schemas");
            Map<String, Object> enumSchema = map(schemas, component.getType().getSimpleName());
            assertThat(enumSchema).as("schema of enum %s", component.getType().getSimpleName()).isNotNull();
            Object[] constants = component.getType().getEnumConstants();
            List<String> names = Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList();
            assertThat(list(enumSchema, "enum")).as("values of %s", component.getType().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void itsTypeIsAMessageAndItsTopicAChannel(Class<?> event) throws ReflectiveOperationException {
        PublishedEvent instance = blank(event);
        String yaml = new Yaml().dump(doc);
        assertThat(yaml).as("ce_type of %s", event.getSimpleName()).contains(instance.type());
        Set<String> addresses = new HashSet<>();
        map(doc, "channels").values().forEach(channel -> addresses.add(String.valueOf(cast(channel).get("address"))));
        assertThat(addresses).as("channel of %s", event.getSimpleName()).contains(instance.topic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theExamplesCarryOnlyFieldsTheRecordHas(Class<?> event) {
        Map<String, Object> message = map(map(map(doc, "components"), "messages"), event.getSimpleName());
        if (message == null || message.get("examples") == null) {
            return;
        }
        Set<String> fields = new HashSet<>();
        for (RecordComponent component : event.getRecordComponents()) {
            fields.add(component.getName());
        }
        for (Object example : (List<?>) message.get("examples")) {
            Map<String, Object> payload = map(cast(example), "payload");
            if (payload != null) {
                assertThat(fields).as("example %s of %s", cast(example).get("name"), event.getSimpleName())
                    .containsAll(payload.keySet());
            }
        }
    }

    /** An instance with every field empty, to ask for its type and topic. */
    private static PublishedEvent blank(Class<?> event) throws ReflectiveOperationException {
        RecordComponent[] components = event.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor = event.getDeclaredConstructor(types);
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = emptyValue(types[i]);
        }
        return (PublishedEvent) constructor.newInstance(args);
    }

    private static Object emptyValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return type == short.class ? (short) 0 : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return m == null ? null : cast(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        return (List<Object>) m.get(key);
    }
}
