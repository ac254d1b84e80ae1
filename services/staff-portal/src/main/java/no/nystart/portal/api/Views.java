package no.nystart.portal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the pages show, read from the services' JSON (only the fields the pages use). */
public final class Views {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Views() {
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unexpected answer shape for " + type.getSimpleName(), e);
        }
    }

    static <T> List<T> readList(JsonNode array, Class<T> type) {
        List<T> list = new ArrayList<>();
        for (JsonNode n : array) {
            list.add(read(n, type));
        }
        return list;
    }

    @TemplateData
    public record Module(String module, int requiredHours, BigDecimal attendedHours, BigDecimal remainingHours,
            boolean exempt, String exemptionReason, LocalDate completedOn) {
        public String label() {
            return no.nystart.portal.domain.CodeTexts.text("module", module);
        }

        /** Attended hours capped at the required hours, as a whole number for the progress bar. */
        public int progress() {
            if (attendedHours == null) {
                return 0;
            }
            return Math.min(requiredHours, attendedHours.setScale(0, RoundingMode.DOWN).intValue());
        }

        public boolean completed() {
            return completedOn != null;
        }

        public String attended() {
            return hours(attendedHours);
        }

        public String remaining() {
            return hours(remainingHours);
        }

        public String exemptionText() {
            return switch (exemptionReason == null ? "" : exemptionReason) {
                case "HEALTH" -> "helse";
                case "OTHER_WEIGHTY_REASON" -> "andre tungtveiende grunner";
                default -> exemptionReason;
            };
        }
    }

    /** A per-mille figure as percent with a decimal comma and the percent sign: 125 → «12,5 %». */
    static String permille(int permille) {
        return hours(BigDecimal.valueOf(permille, 1)) + " %";
    }

    /** Hours as a Norwegian reads them: no trailing zeros, decimal comma (12,5). */
    static String hours(BigDecimal h) {
        if (h == null) {
            return "0";
        }
        return h.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    @TemplateData
    public record Training(String regime, String legalBasis, boolean dutyApplies, String explanation, boolean behind,
            List<Module> modules) {
        public BigDecimal remainingHours() {
            return modules == null ? BigDecimal.ZERO : modules.stream().filter(m -> !m.exempt() && m.remainingHours() != null)
                    .map(Module::remainingHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public String remaining() {
            return hours(remainingHours());
        }

        /** The law without the service's pointer into its own documentation. */
        public String law() {
            return legalBasis == null ? null : legalBasis.replaceAll("\\s*\\(docs/[^)]*\\)", "").strip();
        }

        /** The duty in bokmål: the law and the hours of each module (the service explains in English). */
        public String explanationText() {
            if (!dutyApplies) {
                return "Ingen plikt til opplæring i mottak nå.";
            }
            String each = modules == null ? "" : modules.stream()
                    .map(m -> m.requiredHours() + " timer " + m.label().toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", "));
            return "Plikt til opplæring i mottak" + (law() == null || law().isBlank() ? "" : " etter " + law())
                    + (each.isEmpty() ? "" : ": " + each) + ".";
        }

        /** The modules of the duty that still take sessions and exemptions: neither completed nor exempt. */
        public List<Module> openModules() {
            return modules == null ? List.of() : modules.stream().filter(m -> !m.exempt() && !m.completed()).toList();
        }
    }

    @TemplateData
    public record Permit(String permitType, LocalDate decisionDate, String regime) {
        /** The permit type in bokmål, as the permit form names it. */
        public String permitTypeText() {
            return permitType == null ? null : no.nystart.portal.domain.CodeTexts.text("permitType", permitType);
        }

    }

    @TemplateData
    public record Resident(UUID personId, String dufNumber, String firstName, String lastName, LocalDate birthDate,
            String citizenship, UUID receptionCentreId, LocalDate registeredOn, LocalDate leftOn, Training training,
            Permit residencePermit, LocalDate competenceMappedOn, LocalDate careerGuidanceCompletedOn) {
        public String name() {
            return firstName + " " + lastName;
        }

        /** Sessions are recorded from the day of registration in the centre up to today (the service's rule). */
        public String sessionDateHint() {
            return "Fra ankomstdatoen " + registeredOn + " til i dag";
        }

        public boolean hoursLeft() {
            return leftOn == null && training != null && training.dutyApplies()
                    && training.remainingHours().signum() > 0;
        }

        public boolean permitWithoutMapping() {
            return leftOn == null && residencePermit != null && competenceMappedOn == null;
        }

        /** Permit and competence mapping done: settlement comes next, so the resident will leave the centre soon. */
        public boolean aboutToLeave() {
            return leftOn == null && residencePermit != null && competenceMappedOn != null;
        }
    }

    @TemplateData
    public record Centre(UUID id, String name, String hostMunicipality, String hostMunicipalityName, boolean active) {
    }

    @TemplateData
    public record Case(UUID caseId, UUID personId, UUID householdId, String status, String firstName, String lastName,
            LocalDate birthDate, String permitType, LocalDate permitDate, Boolean unaccompaniedMinor,
            String proposedMunicipality, UUID matchingRunId, String settledMunicipality, LocalDate settledOn,
            String hostMunicipality, String settlementType, String overrideReason, String currentMunicipality,
            String closeReason, LocalDate closedOn, String closeNote, String citizenship) {
        /**
         * The name; settlement holds no name for a person who came through a reception centre (only for those it
         * registered itself), so then the birth date and citizenship stand in until the name is looked up.
         */
        public String name() {
            if (firstName == null && lastName == null) {
                return "Person født " + birthDate + (citizenship == null ? "" : " (" + citizenship + ")");
            }
            return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
        }

        /** Whether settlement gave no name, so the page asks reception-training for it. */
        public boolean unnamed() {
            return firstName == null && lastName == null;
        }

        public Case named(String first, String last) {
            return new Case(caseId, personId, householdId, status, first, last, birthDate, permitType, permitDate,
                    unaccompaniedMinor, proposedMunicipality, matchingRunId, settledMunicipality, settledOn,
                    hostMunicipality, settlementType, overrideReason, currentMunicipality, closeReason, closedOn,
                    closeNote, citizenship);
        }

        public String statusText() {
            return switch (status == null ? "" : status) {
                case "WAITING_FOR_PERMIT" -> "Venter på oppholdstillatelse";
                case "READY" -> "Klar for bosetting";
                case "PROPOSED" -> "Foreslått kommune";
                case "SETTLED" -> "Bosatt";
                case "CLOSED" -> "Avsluttet";
                default -> status;
            };
        }

        public boolean settled() {
            return "SETTLED".equals(status);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public String settlementTypeText() {
            return switch (settlementType == null ? "" : settlementType) {
                case "BY_AGREEMENT" -> "etter avtale med kommunen";
                case "SELF_SETTLED_BY_AGREEMENT" -> "selvbosatt etter avtale";
                case "SELF_SETTLED" -> "selvbosatt";
                default -> settlementType;
            };
        }

        public String closeReasonText() {
            return switch (closeReason == null ? "" : closeReason) {
                case "LEFT_NORWAY" -> "har forlatt Norge";
                case "EMIGRATED" -> "utvandret";
                case "SETTLED_OUTSIDE_SCHEME" -> "bosatt utenom ordningen";
                case "DECEASED" -> "død";
                case "OTHER" -> "annet";
                default -> closeReason;
            };
        }
    }

    /** The READY cases of one household, with the waiting time since the permit against the settlement goals. */
    @TemplateData
    public record Household(UUID householdId, List<Case> members, LocalDate permitDate, long daysSincePermit,
            boolean unaccompaniedMinor) {
        static Household of(UUID id, List<Case> members, LocalDate today) {
            LocalDate permit = members.stream().map(Case::permitDate).filter(d -> d != null).min(LocalDate::compareTo)
                    .orElse(today);
            boolean minor = members.stream().anyMatch(c -> Boolean.TRUE.equals(c.unaccompaniedMinor()));
            return new Household(id, members, permit, ChronoUnit.DAYS.between(permit, today), minor);
        }

        public Case first() {
            return members.get(0);
        }

        /** Over the 3-month goal (the goal for unaccompanied minors). */
        public boolean overThreeMonths() {
            return !permitDate.plusMonths(3).isAfter(permitDate.plusDays(daysSincePermit));
        }

        /** Over the 6-month goal (the goal for the others). */
        public boolean overSixMonths() {
            return !permitDate.plusMonths(6).isAfter(permitDate.plusDays(daysSincePermit));
        }

        public String goal() {
            if (overSixMonths()) {
                return "Over 6 måneder";
            }
            if (overThreeMonths()) {
                return unaccompaniedMinor ? "Over 3 måneder (mål for enslige mindreårige)" : "Over 3 måneder";
            }
            return "Innenfor 3 måneder";
        }
    }
}
