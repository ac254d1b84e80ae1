package no.nystart.settlement.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Sex;
import no.nystart.contracts.settlement.SettlementType;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The Bean Validation rules of settlement's request bodies whose codes no API test names (docs/rules.md lists this
 * test for them). The constraints are read from the request records with Hibernate Validator, as the REST layer
 * does; each code must come first in the message ("code: text"), which is how ProblemMappers names the rule.
 */
class RequestRuleCodesTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** A record with the given components (name, value, …) and every other component null (or 0/false). */
    static <R extends Record> R record(Class<R> type, Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = given.containsKey(components[i].getName()) ? given.remove(components[i].getName())
                    : types[i] == boolean.class ? false : types[i] == int.class ? 0 : null;
        }
        assertThat(given).as("components of " + type.getSimpleName()).isEmpty();
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** "property code" of every violation of the object. */
    static Set<String> broken(Object request) {
        Set<String> found = new TreeSet<>();
        VALIDATOR.validate(request).forEach(v -> found.add(v.getPropertyPath() + " "
                + v.getMessage().substring(0, Math.max(0, v.getMessage().indexOf(": ")))));
        return found;
    }

    @Test
    void decision_required_non_negative_and_max() {
        assertThat(broken(new DecisionRequest(10, 2, 10, 2, LocalDate.of(2025, 2, 1)))).isEmpty();
        assertThat(broken(new DecisionRequest(null, -1, 100001, 0, null))).containsExactly(
                "decidedOn decision.required", "decidedTotal decision.max", "requestedTotal decision.required",
                "requestedUnaccompaniedMinors decision.non-negative");
    }

    @Test
    void matching_required_and_time_limit_1_to_120_seconds() {
        assertThat(broken(new MatchingRunRequest(2026, 120))).isEmpty();
        assertThat(broken(new MatchingRunRequest(null, 121))).containsExactly("timeLimitSeconds matching.time-limit",
                "year matching.required");
        assertThat(broken(new MatchingRunRequest(2026, 0))).containsExactly("timeLimitSeconds matching.time-limit");
    }

    @Test
    void profile_required_styrk_major_groups_and_permille() {
        List<Integer> ten = List.of(0, 100, 200, 300, 400, 500, 600, 700, 800, 1000);
        assertThat(broken(new ProfileRequest(ten, 500, 100))).isEmpty();
        assertThat(broken(new ProfileRequest(List.of(1, 2, 3), null, 1001))).containsExactly(
                "immigrantSharePermille profile.permille", "labourDemand profile.styrk-major-groups",
                "resultRatePermille profile.required");
    }

    @Test
    void case_required_case_persons_person_required_and_person_max_length() {
        RegisterCaseRequest.Person person = record(RegisterCaseRequest.Person.class, "firstName", "Amina", "lastName", "Haile",
                "birthDate", LocalDate.of(1990, 1, 1), "sex", Sex.FEMALE, "citizenship", "ERI",
                "permitType", PermitType.values()[0], "permitDate", LocalDate.of(2025, 1, 1));
        RegisterCaseRequest valid = record(RegisterCaseRequest.class, "arrivalRoute", RegisterCaseRequest.class
                .getRecordComponents()[0].getType().getEnumConstants()[0], "persons", List.of(person));
        assertThat(broken(valid)).isEmpty();
        assertThat(broken(record(RegisterCaseRequest.class, "persons", List.of()))).containsExactly(
                "arrivalRoute case.required", "persons case.persons");
        RegisterCaseRequest.Person bad = record(RegisterCaseRequest.Person.class, "firstName", "x".repeat(201),
                "sex", Sex.FEMALE, "citizenship", "ERI", "permitType", PermitType.values()[0], "permitDate", LocalDate.of(2025, 1, 1));
        assertThat(broken(record(RegisterCaseRequest.class, "arrivalRoute", valid.arrivalRoute(), "persons", List.of(bad))))
                .containsExactly("persons[0].birthDate person.required", "persons[0].firstName person.max-length",
                        "persons[0].lastName person.required");
    }

    @Test
    void settlement_required_and_settlement_override_reason() {
        assertThat(broken(new SettleRequest("3301", LocalDate.of(2025, 3, 1), SettlementType.BY_AGREEMENT,
                new SettleRequest.Override("the council agreed to one more household")))).isEmpty();
        assertThat(broken(new SettleRequest(" ", null, null, new SettleRequest.Override(" ")))).containsExactly(
                "municipality settlement.required", "override.reason settlement.override-reason",
                "settledOn settlement.required", "settlementType settlement.required");
    }

    @Test
    void case_close_required_and_case_close_note_at_most_1000_characters() {
        CloseCaseRequest valid = record(CloseCaseRequest.class, "reason", CloseCaseRequest.class.getRecordComponents()[0]
                .getType().getEnumConstants()[0], "closedOn", LocalDate.of(2025, 3, 1), "note", "x".repeat(1000));
        assertThat(broken(valid)).isEmpty();
        assertThat(broken(record(CloseCaseRequest.class, "note", "x".repeat(1001)))).containsExactly(
                "closedOn case.close-required", "note case.close-note", "reason case.close-required");
    }

    @Test
    void relocation_required() {
        assertThat(broken(record(RelocationRequest.class, "toMunicipality", "")))
                .containsExactly("movedOn relocation.required", "relocationType relocation.required",
                        "toMunicipality relocation.required");
    }
}
