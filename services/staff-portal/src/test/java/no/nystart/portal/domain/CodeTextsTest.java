package no.nystart.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services' enumeration values reach the user in bokmål; an unknown one is shown as sent. */
class CodeTextsTest {

    @Test
    void a_timeline_line_shows_the_enumeration_values_in_bokmal() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entitlement", "RIGHT_AND_DUTY");
        details.put("municipality", "0301");
        details.put("educationLevel", "UPPER_SECONDARY");
        details.put("permitType", "REFUGEE");
        details.put("inTargetGroup", true);
        assertThat(TimelineTexts.details(details)).isEqualTo(
                "rett/plikt rett og plikt · kommune 0301 · utdanning videregående opplæring · tillatelse Flyktning · i målgruppen ja");
    }

    @Test
    void an_unknown_value_or_field_is_shown_as_the_service_sent_it() {
        assertThat(CodeTexts.text("permitType", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(CodeTexts.text("unknownField", "X")).isEqualTo("X");
        assertThat(CodeTexts.text("module", "SOCIAL_STUDIES")).isEqualTo("Samfunnskunnskap");
        assertThat(CodeTexts.text("module", null)).isEmpty();
    }
}
