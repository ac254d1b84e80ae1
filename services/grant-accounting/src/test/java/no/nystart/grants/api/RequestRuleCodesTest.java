package no.nystart.grants.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.nystart.contracts.grants.GrantCode;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The Bean Validation rules of the rate-table request whose codes no API test names (docs/rules.md lists this test
 * for them), read from the records and the resource method with Hibernate Validator as the REST layer does. The code
 * comes first in each message ("code: text"), which is how ProblemMappers names the rule.
 */
class RequestRuleCodesTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static <T> Set<String> broken(Set<ConstraintViolation<T>> violations) {
        Set<String> found = new TreeSet<>();
        violations.forEach(v -> found.add(v.getPropertyPath() + " " + v.getMessage().substring(0, v.getMessage().indexOf(": "))));
        return found;
    }

    @Test
    void rate_table_rate_required_grant_code_required_verified_required_and_money_amount_required() {
        RateLine valid = new RateLine(GrantCode.AR_1, new BigDecimal("194400"), "IMDi circular 2025", false);
        assertThat(broken(VALIDATOR.validate(new RateTableRequest(List.of(valid))))).isEmpty();
        assertThat(broken(VALIDATOR.validate(new RateTableRequest(Arrays.asList(valid, null,
                new RateLine(null, null, "a source", null))))))
                .containsExactly("rates[1].<list element> rate-table.rate-required",
                        "rates[2].amountNok money.amount-required", "rates[2].grantCode rate-table.grant-code-required",
                        "rates[2].verified rate-table.verified-required");
    }

    @Test
    void rate_table_body_required_on_put() throws NoSuchMethodException {
        Method put = GrantResource.class.getMethod("putRateTable", int.class, RateTableRequest.class);
        GrantResource resource = new GrantResource(null, null, null, null);
        assertThat(broken(VALIDATOR.forExecutables().validateParameters(resource, put, new Object[] {2025, null})))
                .containsExactly("putRateTable.request rate-table.body-required");
    }
}
