package no.nystart.grants.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nystart.contracts.grants.GrantCode;

/**
 * The wire names of the grant codes (docs/domain/grants.md#5a, as in contracts' {@link GrantCode}: "AR-1 EV", "EMINB", …);
 * the ledger and the rate tables store these names.
 */
public final class GrantCodes {
    private static final Map<GrantCode, String> WIRE = Stream.of(GrantCode.values())
            .collect(Collectors.toMap(Function.identity(), GrantCodes::readWireName));
    private static final Map<String, GrantCode> BY_WIRE = WIRE.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    /**
     * Grants that cover one year and follow the person when they move (docs/domain/grants.md#5b: in the moving year the
     * integration grant is split; the same split is applied to the EM grant of that year, docs/domain/grants.md#5d).
     * One-off grants (ELDR, BHT) stay with the municipality that received them.
     */
    public static final Set<GrantCode> SPLIT_ON_RELOCATION = EnumSet.of(GrantCode.AR_1, GrantCode.AR_1_EV, GrantCode.AR_1_B,
            GrantCode.AR_2, GrantCode.AR_3, GrantCode.AR_4, GrantCode.AR_5, GrantCode.EMINB, GrantCode.EMINU);

    private GrantCodes() {
    }

    public static String wire(GrantCode code) {
        return WIRE.get(code);
    }

    public static GrantCode fromWire(String wire) {
        GrantCode code = BY_WIRE.get(wire);
        if (code == null) {
            throw new IllegalArgumentException("unknown grant code " + wire);
        }
        return code;
    }

    /** AR-2 … AR-5: the integration grant of settlement-year index 2–5 (docs/domain/grants.md#5a, 5b). */
    public static GrantCode integrationYear(int settlementYearIndex) {
        return switch (settlementYearIndex) {
            case 2 -> GrantCode.AR_2;
            case 3 -> GrantCode.AR_3;
            case 4 -> GrantCode.AR_4;
            case 5 -> GrantCode.AR_5;
            default -> throw new IllegalArgumentException("years 2-5 only, was " + settlementYearIndex);
        };
    }

    private static String readWireName(GrantCode code) {
        try {
            JsonProperty property = GrantCode.class.getField(code.name()).getAnnotation(JsonProperty.class);
            return property == null ? code.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
