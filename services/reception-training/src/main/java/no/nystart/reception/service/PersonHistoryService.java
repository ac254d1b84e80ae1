package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.history.PersonHistory;
import no.nystart.reception.domain.TrainingDuty;
import no.nystart.reception.domain.TrainingRegime;
import no.nystart.reception.persistence.ResidentEntity;
import no.nystart.reception.persistence.TrainingSessionEntity;

/**
 * One resident's history in reception as timeline entries: arrival, the training duty, attended hours per module and
 * month, exemptions, completed modules, the permit, the § 6 competence mapping, the § 11 career guidance and the
 * departure. Loads the resident with {@link ResidentLoader} (the same load and centre scope as
 * {@code GET /residents/{id}}) and audits the read. Reception owns no deadline of its own: none are listed.
 */
@ApplicationScoped
public class PersonHistoryService {
    static final String SERVICE = "reception-training";

    private final ResidentLoader loader;
    private final ReadAudit readAudit;
    private final ReceptionConfig config;

    public PersonHistoryService(ResidentLoader loader, ReadAudit readAudit, ReceptionConfig config) {
        this.loader = loader;
        this.readAudit = readAudit;
        this.config = config;
    }

    @WithTransaction
    public Uni<PersonHistory> history(UUID personId, Optional<String> ownCentre, ResidentService.Reader reader, LocalDate today) {
        return loader.load(personId, false, ownCentre)
                .call(state -> readAudit.record(reader.name(), reader.roles(), reader.endpoint(), reader.purpose(), null,
                        List.of(personId)))
                .map(state -> timeline(state, today));
    }

    PersonHistory timeline(ResidentState state, LocalDate today) {
        ResidentEntity r = state.resident();
        PersonHistory.Builder t = PersonHistory.builder(r.personId, SERVICE);
        TrainingDuty duty = state.training(config.policy()).dutyOn(r.registeredOn);
        String dutyRule = rule(duty.regime());
        t.entry(r.registeredOn, r.createdAt, "ARRIVAL_REGISTERED",
                "registered at a reception centre in " + state.centre().hostMunicipality + ", procedure " + r.asylumProcedure,
                null, PersonHistory.details("hostMunicipality", state.centre().hostMunicipality,
                        "asylumProcedure", r.asylumProcedure));
        if (duty.applies()) {
            t.entry(r.registeredOn, r.createdAt, "TRAINING_DUTY", "mandatory training in reception: "
                            + duty.requiredHours().entrySet().stream().map(e -> e.getValue() + " h " + e.getKey()).sorted().toList(),
                    dutyRule, PersonHistory.details("regime", duty.regime(), "requiredHours", new TreeMap<>(duty.requiredHours())));
        } else {
            t.entry(r.registeredOn, r.createdAt, "NO_TRAINING_DUTY", "no mandatory training in reception: "
                    + duty.noDutyReason().map(Enum::name).orElse("unknown"), dutyRule,
                    PersonHistory.details("reason", duty.noDutyReason().orElse(null)));
        }
        trainingMonths(state.sessions()).forEach((key, month) -> t.entry(month.lastDate(), null, "TRAINING_HOURS",
                month.hours().toPlainString() + " h " + key.module() + " in " + key.month() + " (" + month.sessions() + " sessions)",
                dutyRule, PersonHistory.details("module", key.module(), "month", key.month().toString(),
                        "hours", month.hours(), "sessions", month.sessions())));
        state.exemptions().forEach(e -> t.entry(e.grantedOn, e.recordedAt, "TRAINING_EXEMPTION",
                "exempt from " + e.module + " (" + e.reason + ")", dutyRule,
                PersonHistory.details("module", e.module, "reason", e.reason)));
        state.completions().forEach(c -> t.entry(c.completedOn, null, "TRAINING_COMPLETED",
                c.module + " completed (" + c.hoursRequired + " h)", dutyRule,
                PersonHistory.details("module", c.module, "hoursRequired", c.hoursRequired)));
        if (state.permit() != null) {
            t.entry(state.permit().decisionDate, state.permit().recordedAt, "PERMIT_GRANTED",
                    "residence permit " + state.permit().permitType + " (" + state.permit().regime + ")",
                    permitRule(state.permit().permitType),
                    PersonHistory.details("permitType", state.permit().permitType, "regime", state.permit().regime));
        }
        if (state.competenceMapping() != null) {
            var m = state.competenceMapping();
            t.entry(m.mappedOn, m.recordedAt, "COMPETENCE_MAPPED",
                    "competence mapped: education " + m.educationLevel + ", " + m.educationYears + " years",
                    "integreringsloven § 6", PersonHistory.details("educationLevel", m.educationLevel,
                            "educationYears", m.educationYears));
        }
        if (state.careerGuidance() != null) {
            var g = state.careerGuidance();
            t.entry(g.completedOn, g.recordedAt, "CAREER_GUIDANCE", "career guidance by county " + g.county,
                    "integreringsloven § 11", PersonHistory.details("county", g.county));
        }
        if (r.leftOn != null) {
            t.entry(r.leftOn, null, "LEFT_RECEPTION", "left the reception centre (" + r.leftReason + ")", null,
                    PersonHistory.details("reason", r.leftReason));
        }
        return t.build(today);
    }

    /** The mandatory-training rule of the regime; none before 2018-09-01 (voluntary). */
    static String rule(TrainingRegime regime) {
        return switch (regime) {
            case INTEGRERINGSLOVEN_5 -> "integreringsloven § 5";
            case INTRODUKSJONSLOVEN_20A -> "introduksjonsloven § 20 a";
            case VOLUNTARY_BEFORE_2018_09_01 -> null;
        };
    }

    /** The section of the Immigration Act (utlendingsloven) the permit is granted under. */
    static String permitRule(PermitType type) {
        return switch (type) {
            case REFUGEE -> "utlendingsloven § 28";
            case RESETTLEMENT -> "utlendingsloven § 35";
            case HUMANITARIAN -> "utlendingsloven § 38";
            case FAMILY_MEMBER_OF_CHILD_FAMILY -> "utlendingsloven § 38 (5)";
            case COLLECTIVE_PROTECTION -> "utlendingsloven § 34";
            case FAMILY_REUNIFICATION -> "utlendingsloven kap. 6";
            case OTHER -> null;
        };
    }

    record MonthKey(TrainingModule module, YearMonth month) implements Comparable<MonthKey> {
        @Override
        public int compareTo(MonthKey o) {
            int c = month.compareTo(o.month);
            return c != 0 ? c : module.compareTo(o.module);
        }
    }

    record Month(LocalDate lastDate, BigDecimal hours, int sessions) {
    }

    /** Attended hours summed per module and calendar month; the entry is dated on the month's last session. */
    static Map<MonthKey, Month> trainingMonths(List<TrainingSessionEntity> sessions) {
        Map<MonthKey, Month> months = new TreeMap<>();
        for (TrainingSessionEntity s : sessions) {
            months.merge(new MonthKey(s.module, YearMonth.from(s.sessionDate)), new Month(s.sessionDate, s.hours, 1),
                    (a, b) -> new Month(a.lastDate().isAfter(b.lastDate()) ? a.lastDate() : b.lastDate(),
                            a.hours().add(b.hours()), a.sessions() + b.sessions()));
        }
        return months;
    }
}
