package no.nystart.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The menu shows only the pages a role may use. */
class NavigationTest {

    @Test
    void each_role_sees_only_its_own_entries() {
        assertThat(Navigation.entries(Set.of("reception-staff"))).extracting(Navigation.Entry::label)
                .containsExactly("Arbeidsliste", "Beboere", "Registrer ankomst", "Personsøk");
        assertThat(Navigation.entries(Set.of("settlement-officer"))).extracting(Navigation.Entry::label)
                .containsExactly("Arbeidsliste", "Klare saker", "Matching", "Kommuner og vedtak", "Personsøk");
        assertThat(Navigation.entries(Set.of("municipal-caseworker"))).extracting(Navigation.Entry::label)
                .containsExactly("Arbeidsliste");
    }
}
