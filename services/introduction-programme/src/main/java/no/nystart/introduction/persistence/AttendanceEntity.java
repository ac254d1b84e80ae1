package no.nystart.introduction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.AttendanceDay;

@Entity
@Table(name = "attendance")
public class AttendanceEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "planned_hours", nullable = false, precision = 5, scale = 2)
    public BigDecimal plannedHours;

    @Column(name = "attended_hours", nullable = false, precision = 5, scale = 2)
    public BigDecimal attendedHours;

    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal illness;

    @Column(name = "sick_child", nullable = false, precision = 5, scale = 2)
    public BigDecimal sickChild;

    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal welfare;

    @Column(name = "permitted_leave", nullable = false, precision = 5, scale = 2)
    public BigDecimal permittedLeave;

    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal unexcused;

    public AttendanceDay toDay() {
        Map<AbsenceReason, BigDecimal> absence = new EnumMap<>(AbsenceReason.class);
        absence.put(AbsenceReason.ILLNESS, illness);
        absence.put(AbsenceReason.SICK_CHILD, sickChild);
        absence.put(AbsenceReason.WELFARE, welfare);
        absence.put(AbsenceReason.PERMITTED_LEAVE, permittedLeave);
        absence.put(AbsenceReason.UNEXCUSED, unexcused);
        return new AttendanceDay(day, plannedHours, attendedHours, absence);
    }
}
