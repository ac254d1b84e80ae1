package no.nystart.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

/** Who may see the persons and figures of which municipality (docs/architecture.md, Users). */
class CallerTest {

    private static Caller caller(String role, String claim, String value) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("someone")).addRole(role);
        if (claim != null) {
            identity.addAttribute(claim, value);
        }
        return new Caller(identity.build());
    }

    @Test
    void a_municipal_caseworker_sees_only_their_own_municipality() {
        Caller oslo = caller(Roles.MUNICIPAL_CASEWORKER, Roles.CLAIM_MUNICIPALITY, "0301");
        assertThat(oslo.mayAccessMunicipality("0301")).isTrue();
        assertThat(oslo.mayAccessMunicipality("1103")).isFalse();
        assertThatThrownBy(() -> oslo.requireMunicipality("1103")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void municipal_finance_without_a_municipality_claim_sees_nothing() {
        assertThat(caller(Roles.MUNICIPAL_FINANCE, null, null).mayAccessMunicipality("0301")).isFalse();
    }

    @Test
    void a_county_analyst_sees_the_municipalities_of_their_county() {
        Caller rogaland = caller(Roles.COUNTY_ANALYST, Roles.CLAIM_COUNTY, "11");
        assertThat(rogaland.mayAccessMunicipality("1103")).isTrue();
        assertThat(rogaland.mayAccessMunicipality("1101")).isTrue();
        assertThat(rogaland.mayAccessMunicipality("0301")).isFalse();
    }

    @Test
    void national_roles_see_every_municipality() {
        assertThat(caller(Roles.SETTLEMENT_OFFICER, null, null).mayAccessMunicipality("5601")).isTrue();
        assertThat(caller(Roles.GRANT_OFFICER, null, null).mayAccessMunicipality("0301")).isTrue();
        assertThat(caller(Roles.SYSTEM, null, null).mayAccessMunicipality("4601")).isTrue();
    }

    @Test
    void reception_staff_have_no_municipal_access_but_a_centre() {
        Caller staff = caller(Roles.RECEPTION_STAFF, Roles.CLAIM_RECEPTION_CENTRE, "centre-1");
        assertThat(staff.mayAccessMunicipality("0301")).isFalse();
        assertThat(staff.receptionCentre()).contains("centre-1");
    }
}
