package no.nystart.grants.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.fuzz.FuzzRun;
import no.nystart.platform.testing.fuzz.OpenApiFuzzer;
import no.nystart.platform.testing.fuzz.TableCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of grant-accounting's OpenAPI document, called with request bodies and parameters broken one field
 * at a time (platform/testing {@link OpenApiFuzzer}, seed 20261204): no 5xx, every 4xx problem+json naming the broken
 * field or parameter, nothing written by a refused request (docs/reliability.md, "The fuzz suite").
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "grant_accounting_test"))
class GrantFuzzTest {
    private static TableCounts counts;

    @TestFactory
    Stream<DynamicNode> every_operation_with_broken_bodies_and_parameters() {
        OpenApiFuzzer fuzzer = OpenApiFuzzer.fromRunningService()
                .param("k", "0301").param("year", "2038").param("quarter", "1")
                // a year whose rate table is shipped (V2__shipped_rate_tables), so that the read finds one
                .param("/api/v1/rate-tables/{year}", "year", "2025")
                .value("rates[0]", Map.of("grantCode", "AR-1", "amountNok", 250000, "source", "fuzz rate table", "verified", true))
                .value("budgetYear", 2038).value("payoutQuarter", 1);
        counts = TableCounts.ofServiceDatabase();
        return new FuzzRun("grant-accounting", fuzzer, GrantFuzzTest::token, counts).tests();
    }

    private static String token(List<String> roles) {
        return TestInfrastructure.get().tokens().token().user("fuzz").roles(roles.toArray(String[]::new))
                .claim("municipality", "0301").sign();
    }

    @AfterAll
    static void close() {
        if (counts != null) {
            counts.close();
        }
    }
}
