package no.nystart.reception.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "reception_centre")
public class ReceptionCentreEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "host_municipality", nullable = false, length = 4)
    public String hostMunicipality;

    @Column(nullable = false)
    public boolean active;
}
