package no.nystart.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an event record to its place in the catalogue: the event name (CloudEvents type
 * {@code no.nystart.<name>.v<version>}), the producing service's topic and the JSON Schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The event name, for example {@code ResidentRegistered}. */
    String name();

    /** The major version of the event type; additive changes stay within a version. */
    int version() default 1;

    /** The topic the producing service publishes it on, one of {@link Topics}. */
    String topic();

    /** Helpers that derive the CloudEvents attributes from the annotation. */
    final class Attributes {
        public static final String SCHEMA_BASE = "https://nystart.no/contracts/schemas/";

        private Attributes() {
        }

        /** {@code ce_type}, for example {@code no.nystart.ResidentRegistered.v1}. */
        public static String ceType(EventType type) {
            return "no.nystart." + type.name() + ".v" + type.version();
        }

        /** {@code ce_source}, for example {@code /nystart/reception-training}: the producer of the type's topic. */
        public static String source(EventType type) {
            return "/nystart/" + Topics.producer(type.topic());
        }

        /** {@code ce_dataschema}: the {@code $id} of the event's JSON Schema in {@code contracts/}. */
        public static String dataSchema(EventType type) {
            return SCHEMA_BASE + "v" + type.version() + "/" + type.name() + ".schema.json";
        }

        /** Classpath location of the schema inside the contracts jar. */
        public static String schemaResource(EventType type) {
            return "schemas/v" + type.version() + "/" + type.name() + ".schema.json";
        }
    }
}
