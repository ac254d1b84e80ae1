package no.nystart.settlement.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored (real) municipality profile; without one, matching uses the synthetic profile. */
@Entity
@Table(name = "municipality_profile")
public class MunicipalityProfileEntity extends PanacheEntityBase {
    @Id
    @Column(length = 4)
    public String municipality;

    @Column(name = "labour_demand", nullable = false, length = 200)
    public String labourDemand;

    @Column(name = "result_rate_permille", nullable = false)
    public int resultRatePermille;

    @Column(name = "immigrant_share_permille", nullable = false)
    public int immigrantSharePermille;

    @Column(name = "completed_count", nullable = false)
    public int completedCount;

    @Column(name = "successful_count", nullable = false)
    public int successfulCount;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
