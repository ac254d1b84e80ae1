package no.nystart.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dates in the law are Norwegian dates: "today" is today in Europe/Oslo, in main code and in tests alike. A date taken
 * from the machine's default zone differs from Oslo's for one or two hours every night (the build machines run on UTC),
 * and a test that compares its own "today" with the service's then fails only at night. Every {@code now()} of a
 * calendar type names its zone or clock.
 */
class NorwegianDatesTest {

    /** A date, month, year or local date-time read from the default zone: {@code now} with empty parentheses on a calendar type. */
    static final Pattern ZONELESS_TODAY = Pattern.compile("\\b(LocalDate|LocalDateTime|YearMonth|Year|MonthDay)\\.now\\(\\s*\\)");

    static List<String> zonelessToday(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ZONELESS_TODAY.matcher(lines[i]);
            if (m.find()) {
                found.add(name + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }

    @Test
    void the_check_sees_a_date_from_the_default_zone_and_lets_a_zoned_one_pass() {
        String sample = String.join("\n", "LocalDate d = LocalDate" + ".now();", "var m = YearMonth" + ".now( );",
                "LocalDate ok = LocalDate.now(OSLO);", "LocalDate.now(clock)", "Instant.now()");
        assertEquals(2, zonelessToday("sample", sample).size(), () -> zonelessToday("sample", sample).toString());
    }

    @Test
    void every_today_in_the_code_is_a_date_in_europe_oslo() {
        List<String> found = new ArrayList<>();
        for (Path file : Repository.files()) {
            if (file.toString().endsWith(".java")) {
                String text = Repository.textOrNull(file);
                if (text != null) {
                    found.addAll(zonelessToday(Repository.slashes(file), text));
                }
            }
        }
        assertTrue(found.isEmpty(), () -> found.size() + " dates taken from the machine's zone; use"
                + " LocalDate.now(ClockProducer.OSLO) or the injected Clock:\n" + String.join("\n", found));
    }
}
