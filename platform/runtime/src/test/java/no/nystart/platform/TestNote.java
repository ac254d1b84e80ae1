package no.nystart.platform;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A state change to pair with events in the platform's own tests. */
@Entity
@Table(name = "test_note")
public class TestNote extends PanacheEntityBase {
    @Id
    public UUID id;
    public String text;

    public static TestNote of(String text) {
        TestNote note = new TestNote();
        note.id = UUID.randomUUID();
        note.text = text;
        return note;
    }
}
