package no.nystart.grants.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Money is whole kroner: no float or double anywhere in the service's main code or SQL (an ArchUnit-style rule). */
class NoFloatingPointMoneyTest {
    private static final Pattern FLOATING = Pattern.compile("\\b(double|float|Double|Float|BigDecimal\\.valueOf\\(\\s*\\d+\\.\\d)");
    private static final Pattern FLOATING_SQL = Pattern.compile("(?i)\\b(double precision|real|float\\d?)\\b|numeric\\s*\\(\\s*\\d+\\s*,\\s*[1-9]\\d*\\s*\\)");

    @Test
    void no_floating_point_type_in_main_sources_or_migrations() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .flatMap(NoFloatingPointMoneyTest::offendingLines).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_rule_catches_a_double() {
        assertThat(FLOATING.matcher("    public double amount;").find()).isTrue();
        assertThat(FLOATING_SQL.matcher("amount_nok double precision").find()).isTrue();
        assertThat(FLOATING_SQL.matcher("amount_nok numeric(12, 2)").find()).isTrue();
        assertThat(FLOATING_SQL.matcher("amount_nok bigint").find()).isFalse();
        assertThat(FLOATING.matcher("public long amountNok;").find()).isFalse();
    }

    private static Stream<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("/*") && !lines.get(i).trim().startsWith("//")
                            && !lines.get(i).trim().startsWith("--"))
                    .filter(i -> (file.toString().endsWith(".sql") ? FLOATING_SQL : FLOATING).matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
