package no.nystart.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an optional component of an event record. Every component without it is required: it is
 * listed in the schema's {@code required}, must not be {@code null} when written, and must be present
 * when read ({@link EventJson} enforces both). An optional component is omitted from the JSON when
 * {@code null}; its schema type also admits {@code null} so that producers in other stacks may send it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
