package no.nystart.introduction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "participant_history")
public class HistoryEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String detail;

    public static HistoryEntity of(UUID personId, OffsetDateTime at, String kind, String detail) {
        HistoryEntity h = new HistoryEntity();
        h.id = UUID.randomUUID();
        h.personId = personId;
        h.at = at;
        h.kind = kind;
        h.detail = detail;
        return h;
    }
}
