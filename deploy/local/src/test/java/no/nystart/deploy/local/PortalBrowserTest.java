package no.nystart.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The staff portal in a real browser: Playwright drives Debian's chromium (/usr/bin/chromium, no browser
 * download) against the shared local stack, and every sign-in goes through the real Keycloak's login page
 * (authorization-code flow with PKCE). axe-core is injected into every page visited and must report no
 * violation of the WCAG 2.1 A/AA rules. Screenshots of the main pages go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest extends PortalBrowserBase {
    /** The demo caseworker of each municipality a matching may propose in this stack (the tests' decisions). */
    private static final Map<String, String> CASEWORKERS = Map.of("4601", "mons.saksbehandler", "0301", "maja.saksbehandler");
    /** The household the matching test proposes and the settlement test settles, and where. */
    private static String matchedPersonId;
    private static String settledIn;

    @Test
    @Order(1)
    void the_start_page_answers_and_passes_axe_before_sign_in() {
        Response r = page.navigate(portal + "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-security-policy")).contains("frame-ancestors 'none'")
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.headers().get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nb");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logg inn")).isVisible()).isTrue();
        axe("start (not signed in)");
        shot("00-start-signed-out");
    }

    @Test
    @Order(2)
    void each_role_signs_in_on_keycloak_and_sees_only_its_navigation() {
        signIn("rita.resepsjon");
        assertThat(menu()).containsExactly("Arbeidsliste", "Beboere", "Registrer ankomst", "Personsøk");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mottak")).isVisible()).isTrue();
        axe("start reception-staff");
        shot("01-start-reception");
        context.clearCookies();

        signIn("sigurd.bosetting");
        assertThat(menu()).containsExactly("Arbeidsliste", "Klare saker", "Matching", "Kommuner og vedtak", "Personsøk");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bosetting")).isVisible()).isTrue();
        axe("start settlement-officer");
        shot("02-start-settlement");
    }

    @Test
    @Order(3)
    void a_form_posted_without_its_csrf_token_is_refused() {
        signIn("rita.resepsjon");
        page.navigate(portal + "/beboere/ny");
        String centre = page.locator("#f-receptionCentreId option").nth(1).getAttribute("value");
        FormData form = FormData.create().set("dufNumber", "202600000777").set("firstName", "Uten").set("lastName", "Token")
                .set("birthDate", "1991-01-01").set("sex", "MALE").set("citizenship", "ERI")
                .set("receptionCentreId", centre).set("registeredOn", TODAY).set("asylumProcedure", "NORMAL");
        // the session cookie goes with it (same browser context), only the CSRF token is missing
        com.microsoft.playwright.APIResponse refused = page.request().post(portal + "/beboere/ny",
                RequestOptions.create().setForm(form).setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(400);
        // and nothing was registered
        page.navigate(portal + "/beboere");
        assertThat(page.content()).doesNotContain("Uten Token");
    }

    @Test
    @Order(4)
    void a_reception_user_registers_an_arrival_with_the_violations_shown_at_their_fields() {
        signIn("rita.resepsjon");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrer ankomst")).click();
        axe("arrival form");
        // first with a bad DUF number and no citizenship: the service's violations appear at their fields
        page.getByLabel("DUF-nummer").fill("12345");
        page.getByLabel("Fornavn").fill("Amina");
        page.getByLabel("Etternavn").fill("Nettleser");
        page.getByLabel("Fødselsdato").fill("1994-03-02");
        page.getByLabel("Kvinne").check();
        page.locator("#f-receptionCentreId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer ankomst")).click();
        assertThat(page.locator("#e-dufNumber").textContent()).contains("12 siffer");
        assertThat(page.locator("#e-citizenship").textContent()).contains("Må fylles ut");
        assertThat(page.locator("#f-dufNumber").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByLabel("Fornavn").inputValue()).isEqualTo("Amina"); // what was typed is kept
        axe("arrival form with violations");
        shot("03-arrival-violations");

        page.getByLabel("DUF-nummer").fill("202600000101");
        page.getByLabel("Statsborgerskap").fill("SOM");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer ankomst")).click();
        page.waitForURL(Pattern.compile(".*/beboere/[0-9a-f-]{36}$"));
        assertThat(page.url()).doesNotContain("202600000101").doesNotContain("Amina");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Amina Nettleser")).isVisible()).isTrue();
        axe("resident page");

    }

    @Test
    @Order(5)
    void the_arrival_form_is_completed_with_the_keyboard_alone() {
        signIn("rita.resepsjon");
        page.navigate(portal + "/");
        // skip link first, then the menu: Tab from the top of the page
        page.keyboard().press("Tab");
        assertThat(focused()).isEqualTo("Hopp til hovedinnholdet");
        Locator arrivalLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrer ankomst"));
        for (int i = 0; i < 10 && !focused().equals("Registrer ankomst"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focused()).isEqualTo("Registrer ankomst");
        page.keyboard().press("Enter");
        page.waitForURL(portal + "/beboere/ny");
        assertThat(arrivalLink.count()).isEqualTo(1);
        tabTo("f-dufNumber");
        page.keyboard().type("202600000202");
        tabTo("f-firstName");
        page.keyboard().type("Tastatur");
        tabTo("f-lastName");
        page.keyboard().type("Bruker");
        tabTo("f-birthDate");
        page.keyboard().type("15081988");
        tabTo("f-sex-f");
        page.keyboard().press("Space");
        tabTo("f-citizenship");
        page.keyboard().type("ERI");
        tabTo("f-receptionCentreId");
        page.keyboard().press("ArrowDown");
        tabTo("f-registeredOn");
        tabTo(null); // asylum procedure keeps NORMAL; Tab on to the button
        while (!"BUTTON".equals(page.evaluate("document.activeElement.tagName"))) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/beboere/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tastatur Bruker")).isVisible()).isTrue();
        axe("resident page after keyboard registration");
    }

    @Test
    @Order(6)
    void an_expired_session_on_an_htmx_request_is_told_on_the_page() {
        signIn("rita.resepsjon");
        page.navigate(portal + "/beboere");
        page.locator("table a").first().click();
        page.locator("#f-hours").waitFor();
        // the session ends (cookies gone, as after its lifetime); the CSRF cookie stays so only the session is missing
        List<Cookie> keep = context.cookies().stream().filter(c -> c.name.equals("nystart-csrf")).toList();
        context.clearCookies();
        context.addCookies(keep);
        page.locator("#f-hours").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer timer")).click();
        Locator status = page.locator("#session-status");
        status.getByText("Økten din er utløpt").waitFor();
        assertThat(page.url()).startsWith(portal); // no redirect inside the page, no loop
        axe("expired session message");
        // the offered sign-in brings the user back through Keycloak
        status.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Logg inn på nytt")).click();
        page.locator("#username").waitFor();
        assertThat(page.url()).contains("/realms/nystart/protocol/openid-connect/auth");
    }

    /**
     * A reception user registers an arrival ten days back (the arrival date typed into the form, as for a resident
     * registered late) and records social-studies sessions on the days after it until the page shows the module
     * completed. A session dated before the arrival is refused with the rule told at the date field (htmx swaps the
     * training part with the message), and what was typed stays in the form.
     */
    @Test
    @Order(7)
    void a_reception_user_records_training_sessions_until_the_module_is_completed() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        LocalDate arrived = today.minusDays(10);
        signIn("rita.resepsjon");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrer ankomst")).click();
        page.getByLabel("DUF-nummer").fill(today.getYear() + "00000303");
        page.getByLabel("Fornavn").fill("Timo");
        page.getByLabel("Etternavn").fill("Opplæring");
        page.getByLabel("Fødselsdato").fill("1990-04-20");
        page.getByLabel("Mann").check();
        page.getByLabel("Statsborgerskap").fill("AFG");
        page.locator("#f-receptionCentreId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#f-registeredOn").fill(arrived.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer ankomst")).click();
        page.waitForURL(Pattern.compile(".*/beboere/[0-9a-f-]{36}$"));
        Locator bar = page.locator("progress[aria-labelledby=m-SOCIAL_STUDIES]");
        Locator status = page.locator("#d-SOCIAL_STUDIES");
        assertThat(bar.getAttribute("max")).isEqualTo("25");
        assertThat(bar.getAttribute("value")).isEqualTo("0");
        assertThat(page.locator("#h-date").textContent()).contains("Fra ankomstdatoen " + arrived);
        assertThat(page.locator("#training > p").first().textContent())
                .isEqualTo("Plikt til opplæring i mottak etter integreringsloven § 5: 175 timer norsk, 25 timer samfunnskunnskap.");

        // a session the day before the arrival: refused, the rule told at the date field, the input kept
        page.locator("#f-module").selectOption("SOCIAL_STUDIES");
        page.locator("#f-date").fill(arrived.minusDays(1).toString());
        page.locator("#f-hours").fill("8");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer timer")).click();
        page.locator("#e-date").waitFor();
        assertThat(page.locator("#e-date").textContent()).contains("før personen ble registrert i mottaket");
        assertThat(page.locator("#f-date").inputValue()).isEqualTo(arrived.minusDays(1).toString());
        assertThat(page.locator("#f-module").inputValue()).isEqualTo("SOCIAL_STUDIES");
        assertThat(bar.getAttribute("value")).isEqualTo("0");
        axe("training session refused (before the arrival)");
        shot("06-training-refused");

        // 25 hours of social studies on four days after the arrival, at most 8 a day
        String[] hours = {"8", "8", "8", "1"};
        String[] progress = {"8", "16", "24", "25"};
        for (int i = 0; i < hours.length; i++) {
            page.locator("#f-module").selectOption("SOCIAL_STUDIES");
            page.locator("#f-date").fill(arrived.plusDays(1 + i).toString());
            page.locator("#f-hours").fill(hours[i]);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer timer")).click();
            PlaywrightAssertions.assertThat(bar).hasAttribute("value", progress[i], WAIT_ATTR);
            assertThat(page.locator("#e-date").count()).isZero();
            if (i < hours.length - 1) {
                // the module stays chosen for the next session
                assertThat(page.locator("#f-module").inputValue()).isEqualTo("SOCIAL_STUDIES");
            }
        }
        assertThat(status.textContent()).contains("Fullført " + arrived.plusDays(4)).contains("25 av 25 timer");
        assertThat(bar.getAttribute("max")).isEqualTo(bar.getAttribute("value"));
        // a completed module takes no more sessions: only Norwegian is left to choose
        assertThat(page.locator("#f-module option").allTextContents()).containsExactly("Norsk");
        axe("training module completed");
        shot("07-training-completed");

        // and without htmx the same state is on the page as loaded
        page.reload();
        assertThat(page.locator("#d-SOCIAL_STUDIES").textContent()).contains("Fullført");
    }

    /**
     * A household made READY through the services' APIs (the reception side, the competence mapping included, is
     * covered by the tests of the reception pages), and a municipality decision with room for exactly that household; then, in the browser, the
     * settlement officer runs a matching and reads the result explained. The one-place decision is taken by the
     * proposal, so no other test's matching run can be sent there.
     */
    @Test
    @Order(8)
    void a_settlement_officer_runs_a_matching_and_reads_the_result_explained() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        matchedPersonId = readyForSettlement("Bosse", "Matching", "00000404", "1985-06-01");
        int year = today.getYear();
        settlementApi().put("/api/v1/municipalities/4601/settlement-decisions/" + year, Map.of(
                "requestedTotal", 1, "requestedUnaccompaniedMinors", 0, "decidedTotal", 1,
                "decidedUnaccompaniedMinors", 0, "decidedOn", today.minusDays(20).toString())).expect(200, 201);

        signIn("sigurd.bosetting");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Matching").setExact(true)).click();
        axe("matching form");
        page.getByLabel("År (kommunenes vedtak)").fill(String.valueOf(year));
        page.getByLabel("Tidsgrense i sekunder").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kjør matching")).click();
        page.waitForURL(Pattern.compile(".*/bosetting/matching/[0-9a-f-]{36}$"));
        Locator result = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Forslag per husstand"));
        assertThat(result.locator("tbody tr").count()).isGreaterThanOrEqualTo(1);
        assertThat(result.textContent()).contains("Plassering").contains("arbeidsmarked").contains("Sum");
        assertThat(page.content()).contains("grådig");
        axe("matching result");
        shot("05-matching-result");
    }

    /**
     * The settlement officer opens the matched household from *Klare saker* and accepts the proposal: the
     * municipality is filled in from it. First the permit-date rule (a settlement date before the permit) and the
     * capacity rule (a municipality whose decision has no room) are shown at their fields in Norwegian; then the
     * household is settled where the proposal said, and the person's timeline shows the settlement.
     */
    @Test
    @Order(9)
    void a_settlement_officer_accepts_the_proposal_and_settles_the_household() throws Exception {
        assertThat(matchedPersonId).as("the matching test ran first").isNotNull();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        noRoomIn("1103");
        signIn("sigurd.bosetting");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Klare saker")).click();
        axe("ready cases");
        // settlement holds no name for a person who came through a reception centre: the list names by birth date,
        // the household page asks reception-training for the name
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Person født 1985-06-01 (SYR)")).click();
        page.waitForURL(Pattern.compile(".*/bosetting/saker/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Husstanden til Bosse Matching"))
                .isVisible()).isTrue();
        String proposed = page.locator("#f-municipality").inputValue();
        assertThat(proposed).as("the proposal's municipality filled in").isIn(CASEWORKERS.keySet());
        assertThat(page.content()).contains("Matchingen foreslo kommune " + proposed);
        assertThat(page.locator("table").textContent()).contains("Foreslått kommune");
        axe("household with a proposal");
        shot("08-household-proposal");
        Locator accept = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godta forslaget og bosett"));

        // the permit-date rule: not before the permit (given 30 days ago)
        page.locator("#f-settledOn").fill(today.minusDays(31).toString());
        accept.click();
        page.locator("#e-settledOn").waitFor();
        assertThat(page.locator("#e-settledOn").textContent()).contains("før oppholdstillatelsen");
        assertThat(page.locator("#problem").textContent()).contains("Bosettingsdato");
        axe("settle refused: date before the permit");
        shot("09-settle-before-permit");

        // the capacity rule: a municipality whose decision for the year has no place
        page.locator("#f-municipality").fill("1103");
        page.locator("#f-settledOn").fill(today.toString());
        accept.click();
        PlaywrightAssertions.assertThat(page.locator("#e-municipality")).containsText("har ikke plass", WAIT);
        assertThat(page.locator("#f-municipality").inputValue()).isEqualTo("1103"); // what was typed is kept
        axe("settle refused: no room in the decision");
        shot("10-settle-capacity");

        // accepted as proposed
        page.locator("#f-municipality").fill(proposed);
        accept.click();
        page.waitForURL(Pattern.compile(".*/bosetting/saker/[0-9a-f-]{36}\\?utfort=bosatt$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Husstanden er bosatt"))
                .count()).isEqualTo(1);
        String row = page.locator("table tbody tr").first().textContent();
        assertThat(row).contains("Bosatt").contains(proposed + " " + today).contains("etter avtale med kommunen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bosett husstanden")).count()).isZero();
        axe("household settled");
        shot("11-household-settled");

        // the settlement officer's timeline of the person: the reception's arrival and the settlement
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tidslinje for Bosse Matching")).click();
        page.waitForURL(portal + "/personer/" + matchedPersonId);
        Locator lines = page.locator("tr.portal-timeline-line");
        assertThat(lines.filter(new Locator.FilterOptions().setHasText("Ankomst registrert i mottak")).count()).isEqualTo(1);
        assertThat(lines.filter(new Locator.FilterOptions().setHasText("Bosatt")).first().textContent()).contains("Bosetting");
        axe("timeline (settlement officer)");
        settledIn = proposed;
    }

    /**
     * The municipal caseworker of the municipality the household was settled in reads the person's timeline: the
     * introduction programme's entry arrives from its service after the settlement went over Kafka (the page is
     * loaded again until it shows, within a deadline). The services that do not let a caseworker read are named in a
     * note, and their entries are not there.
     */
    @Test
    @Order(10)
    void the_timeline_shows_the_introduction_programme_after_the_settlement_arrived_over_kafka() throws Exception {
        assertThat(settledIn).as("the settlement test ran first").isNotNull();
        signIn(CASEWORKERS.get(settledIn));
        Locator programme = page.locator("tr.portal-timeline-line")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("I målgruppen for introduksjonsprogram|Tatt inn i introduksjonsprogram")));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        page.navigate(portal + "/personer/" + matchedPersonId);
        while (programme.count() == 0) {
            assertThat(System.nanoTime()).as("the introduction programme's entry on the timeline within 90 s").isLessThan(deadline);
            Thread.sleep(1000);
            page.reload();
        }
        assertThat(programme.first().textContent()).contains("Introduksjonsprogram").contains("integreringsloven");
        assertThat(page.locator("tr.portal-timeline-line").filter(new Locator.FilterOptions().setHasText("Ankomst registrert i mottak"))
                .count()).as("reception's entries are not for a caseworker").isZero();
        assertThat(page.getByRole(AriaRole.STATUS).allTextContents()).anyMatch(t -> t.contains("Mottak og opplæring"));
        axe("timeline (municipal caseworker)");
        shot("12-timeline-caseworker");
    }

    /**
     * Two more households made READY through the APIs. One is settled manually in a municipality whose decision is
     * full: refused with the capacity rule, then settled with an override reason; then one member moves to another
     * municipality (the same municipality is refused). The other case is closed: reason *Annet* without a note is
     * refused, with a note it is closed.
     */
    @Test
    @Order(11)
    void a_settlement_officer_settles_manually_registers_a_relocation_and_closes_a_case() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        readyForSettlement("Manuel", "Bosetting", "00000505", "1979-11-30");
        readyForSettlement("Avsluttet", "Sak", "00000606", "1992-02-14");
        noRoomIn("1103");
        signIn("sigurd.bosetting");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Klare saker")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Person født 1979-11-30 (SYR)")).click();
        page.waitForURL(Pattern.compile(".*/bosetting/saker/[0-9a-f-]{36}$"));
        String casePath = page.url().substring(portal.length());
        Locator settle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bosett").setExact(true));
        page.locator("#f-municipality").fill("1103");
        settle.click();
        PlaywrightAssertions.assertThat(page.locator("#e-municipality")).containsText("har ikke plass", WAIT);
        page.locator("#f-overrideReason").fill("Familie i kommunen, avtalt med kommunen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bosett").setExact(true)).click();
        page.waitForURL(portal + casePath + "?utfort=bosatt");
        assertThat(page.locator("table tbody tr").first().textContent()).contains("Bosatt").contains("1103 " + today);
        assertThat(page.content()).contains("Bosatt utover vedtaket. Begrunnelse: Familie i kommunen, avtalt med kommunen");
        axe("household settled manually with an override");

        // relocation: not to where the person lives, then to Trondheim
        page.locator("#f-toMunicipality").fill("1103");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer flytting")).click();
        PlaywrightAssertions.assertThat(page.locator("#problem")).containsText("bor allerede i denne kommunen", WAIT);
        axe("relocation refused: same municipality");
        page.locator("#f-toMunicipality").fill("5001");
        page.locator("#f-relocationType").selectOption("ON_OWN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer flytting")).click();
        page.waitForURL(portal + casePath + "?utfort=flyttet");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Flyttingen er registrert"))
                .count()).isEqualTo(1);
        assertThat(page.locator("table tbody tr").first().locator("td").nth(5).textContent()).isEqualTo("5001");
        axe("relocation registered");
        shot("13-relocation");

        // closing a case: "Annet" needs a note
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Klare saker")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Person født 1992-02-14 (SYR)")).click();
        page.waitForURL(Pattern.compile(".*/bosetting/saker/[0-9a-f-]{36}$"));
        page.locator("#f-reason").selectOption("OTHER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avslutt saken")).click();
        PlaywrightAssertions.assertThat(page.locator("#e-note")).containsText("Skriv en merknad", WAIT);
        assertThat(page.locator("#f-reason").inputValue()).isEqualTo("OTHER");
        axe("close refused: no note");
        page.locator("#f-note").fill("Flyttet til slekt i Sverige");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avslutt saken")).click();
        page.waitForURL(Pattern.compile(".*\\?utfort=avsluttet$"));
        assertThat(page.locator("table tbody tr").first().textContent()).contains("Avsluttet (annet, " + today + ")");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bosett husstanden")).count()).isZero();
        axe("case closed");
        shot("14-case-closed");
    }

    /** A settlement officer opening a reception page gets the portal's own 403 page: Norwegian, with the menu. */
    @Test
    @Order(12)
    void a_settlement_officer_on_a_reception_page_gets_a_no_access_page() {
        signIn("sigurd.bosetting");
        Response r = page.navigate(portal + "/beboere/ny");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().get("content-type")).startsWith("text/html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ingen tilgang")).isVisible()).isTrue();
        assertThat(page.content()).contains("Rollen din gir ikke tilgang til denne siden").doesNotContain("Registrer ankomst");
        assertThat(menu()).containsExactly("Arbeidsliste", "Klare saker", "Matching", "Kommuner og vedtak", "Personsøk");
        axe("403 no access");
        shot("15-no-access");
        // an address that does not exist: the portal's own 404 page
        Response missing = page.navigate(portal + "/finnes-ikke");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fant ikke siden")).isVisible()).isTrue();
        axe("404 not found");
    }

    /** The municipal caseworker's menu has only the entries of that role, and the other roles' pages say no. */
    @Test
    @Order(13)
    void the_municipal_caseworker_sees_only_its_own_menu() {
        signIn("mons.saksbehandler");
        assertThat(menu()).containsExactly("Arbeidsliste");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mottak")).count()).isZero();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bosetting")).count()).isZero();
        axe("start municipal-caseworker");
        shot("16-start-caseworker");
        for (String path : List.of("/beboere", "/bosetting/saker", "/personer")) {
            assertThat(page.navigate(portal + path).status()).as(path).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ingen tilgang")).isVisible()).isTrue();
        }
    }

    /**
     * Sign-out ends the session at Keycloak too (RP-initiated logout) and comes back to the start page; a protected
     * page then asks for sign-in at Keycloak again (the Keycloak session is gone, so its login form is shown).
     */
    @Test
    @Order(14)
    void sign_out_ends_the_session_here_and_at_keycloak() {
        signIn("rita.resepsjon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).click();
        // Keycloak sends the browser back to the post-logout path (with the logout request's state)
        page.waitForURL(Pattern.compile(Pattern.quote(portal) + "/(\\?state=[^&]+)?$"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logg inn")).waitFor();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).count()).isZero();
        assertThat(context.cookies().stream().map(c -> c.name).filter(n -> n.startsWith("q_session")).toList()).isEmpty();
        axe("start after sign-out");
        page.navigate(portal + "/beboere");
        page.locator("#username").waitFor();
        assertThat(page.url()).startsWith(stack.keycloak().issuer() + "/protocol/openid-connect/auth");
    }

    /**
     * Without JavaScript (no htmx) the training form is a plain post: a refused session comes back as the whole page
     * with the rule at the date field, a saved one redirects to the resident's page with the hours counted.
     */
    @Test
    @Order(15)
    void the_training_form_works_without_javascript() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("nb-NO").setViewportSize(1280, 900)
                .setJavaScriptEnabled(false));
        context.setDefaultTimeout(90_000);
        page = context.newPage();
        LocalDate arrived = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(10); // Timo Opplæring, registered above
        signIn("rita.resepsjon");
        page.navigate(portal + "/beboere");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timo Opplæring")).click();
        page.waitForURL(Pattern.compile(".*/beboere/[0-9a-f-]{36}$"));
        String residentUrl = page.url();
        page.locator("#f-module").selectOption("NORWEGIAN");
        page.locator("#f-date").fill(arrived.minusDays(1).toString());
        page.locator("#f-hours").fill("2");
        Response refused = page.waitForNavigation(() ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer timer")).click());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(page.locator("#e-date").textContent()).contains("før personen ble registrert i mottaket");
        assertThat(page.locator("#f-hours").inputValue()).isEqualTo("2");
        axeWithoutJavaScript("training session refused without JavaScript");

        page.locator("#f-date").fill(arrived.plusDays(5).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer timer")).click();
        page.waitForURL(residentUrl);
        assertThat(page.locator("progress[aria-labelledby=m-NORWEGIAN]").getAttribute("value")).isEqualTo("2");
        assertThat(page.locator("#d-SOCIAL_STUDIES").textContent()).contains("Fullført");
        axeWithoutJavaScript("resident page without JavaScript");
    }

    /**
     * A resident with a permit (through the API); in the browser the reception user records the § 6 competence
     * mapping: first with a language code that is not ISO 639-3, shown at its field with what was typed kept, then
     * right; the page shows what was recorded, and the § 11 career guidance form then records the guidance.
     */
    @Test
    @Order(16)
    void a_reception_user_records_the_competence_mapping_and_the_career_guidance() throws Exception {
        String personId = residentWithPermit("Kari", "Kartlegging", "00000707", "1990-05-05");
        signIn("rita.resepsjon");
        page.navigate(portal + "/beboere/" + personId);
        assertThat(page.locator("#guidance-recorded").count()).isZero();
        axe("competence mapping form");

        page.getByLabel("Kartleggingsdato").fill(TODAY);
        page.locator("#f-educationLevel").selectOption("UPPER_SECONDARY");
        page.getByLabel("År med utdanning").fill("12");
        page.locator("#f-languageCode0").fill("Tigrinja");
        page.locator("#f-proficiency0").selectOption("NATIVE");
        page.locator("#f-languageCode1").fill("eng");
        page.locator("#f-proficiency1").selectOption("GOOD");
        page.locator("#f-styrkCode0").fill("5120");
        page.locator("#f-years0").fill("3");
        page.getByLabel("Førerkort").check();
        Response refused = page.waitForResponse(r -> r.url().endsWith("/kartlegging"), () ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer kompetansekartlegging")).click());
        assertThat(refused.status()).isEqualTo(422);
        page.locator("#e-languageCode0").waitFor();
        assertThat(page.locator("#e-languageCode0").textContent()).contains("ISO 639-3");
        assertThat(page.locator("#f-languageCode0").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#e-languageCode1").count()).isZero();
        assertThat(page.locator("#problem").textContent()).contains("Språkkode (rad 1)");
        // what was typed is kept
        assertThat(page.locator("#f-languageCode0").inputValue()).isEqualTo("Tigrinja");
        assertThat(page.locator("#f-languageCode1").inputValue()).isEqualTo("eng");
        assertThat(page.locator("#f-proficiency1").inputValue()).isEqualTo("GOOD");
        assertThat(page.locator("#f-styrkCode0").inputValue()).isEqualTo("5120");
        assertThat(page.getByLabel("Førerkort").isChecked()).isTrue();
        axe("competence mapping refused: language code");
        shot("17-competence-refused");

        page.locator("#f-languageCode0").fill("tir");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer kompetansekartlegging")).click();
        page.waitForURL(Pattern.compile(".*/beboere/" + personId + "\\?utfort=kartlagt$"));
        assertThat(page.locator(".ds-alert[role=status]").textContent()).isEqualTo("Kompetansekartleggingen er registrert.");
        assertThat(page.locator("#competence-recorded").textContent()).contains("Kartlagt" + TODAY)
                .contains("Videregående opplæring").contains("12");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer kompetansekartlegging"))
                .count()).isZero();
        axe("competence mapping recorded");

        assertThat(page.content()).contains("Flyktning, vedtak");
        // a county number that no county has: refused at the county field, what was typed kept
        page.getByLabel("Dato for veiledningen").fill(TODAY);
        page.getByLabel("Fylkesnummer (valgfritt)").fill("99");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer karriereveiledning")).click();
        page.locator("#e-county").waitFor();
        assertThat(page.locator("#e-county").textContent()).isEqualTo("Ingen fylke har dette fylkesnummeret.");
        assertThat(page.getByLabel("Fylkesnummer (valgfritt)").inputValue()).isEqualTo("99");
        assertThat(page.locator("#guidance-recorded").count()).isZero();
        axe("career guidance refused: unknown county");

        page.getByLabel("Fylkesnummer (valgfritt)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer karriereveiledning")).click();
        page.waitForURL(Pattern.compile(".*/beboere/" + personId + "\\?utfort=veiledet$"));
        assertThat(page.locator(".ds-alert[role=status]").textContent()).isEqualTo("Karriereveiledningen er registrert.");
        assertThat(page.locator("#guidance-recorded").textContent()).contains("Gjennomført" + TODAY)
                .containsPattern("Fylke \\(fylkesnummer\\)[0-9]{2}");
        assertThat(page.locator("#competence-recorded").textContent()).contains("Kartlagt" + TODAY);
        axe("career guidance recorded");
        shot("18-competence-and-guidance");
    }

    /**
     * A decision of 4 places in 5001 for the year and a household settled there (through the APIs); the settlement
     * officer opens *Kommuner og vedtak* and, without typing any municipality number, reads the year's decisions
     * (5001's and 4601's among them) with their figures in the table and the bar, then the municipality's page;
     * typed numbers narrow the list.
     */
    @Test
    @Order(17)
    void a_settlement_officer_reads_the_decisions_per_municipality_as_a_table_with_bars() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        int year = today.getYear();
        Api settlement = settlementApi();
        settlement.put("/api/v1/municipalities/5001/settlement-decisions/" + year, Map.of(
                "requestedTotal", 5, "requestedUnaccompaniedMinors", 0, "decidedTotal", 4,
                "decidedUnaccompaniedMinors", 0, "decidedOn", today.minusDays(20).toString())).expect(200, 201);
        String personId = readyForSettlement("Trine", "Trondheim", "00000808", "1988-08-08");
        String caseId = null;
        for (JsonNode c : settlement.getAll("/api/v1/cases?status=READY")) {
            if (c.path("personId").asText().equals(personId)) {
                caseId = c.path("caseId").asText();
            }
        }
        assertThat(caseId).isNotNull();
        settlement.post("/api/v1/cases/" + caseId + "/settlement", Map.of("municipality", "5001",
                "settledOn", today.toString(), "settlementType", "BY_AGREEMENT")).expect(200);

        signIn("sigurd.bosetting");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kommuner og vedtak")).click();
        // the year's decisions are listed as the page opens: no municipality number typed
        assertThat(page.getByLabel("Bare disse kommunene (valgfritt)").inputValue()).isEmpty();
        assertThat(page.getByLabel("År", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEqualTo(String.valueOf(year));
        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Vedtak om bosetting " + year));
        Locator row = table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("5001"));
        assertThat(row.locator("td").allTextContents().subList(0, 4)).containsExactly("4", "1", "0", "3");
        Locator bar = row.locator(".portal-bar");
        assertThat(bar.getAttribute("role")).isEqualTo("img");
        assertThat(bar.getAttribute("aria-label")).isEqualTo("Bosatt 1, foreslått 0, gjenstår 3 av 4 plasser");
        assertThat(bar.locator(".portal-bar-settled").getAttribute("class")).contains("portal-w-25");
        assertThat(bar.locator(".portal-bar-remaining").getAttribute("class")).contains("portal-w-75");
        assertThat(bar.locator(".portal-bar-proposed").count()).isZero();
        // the drawn width follows the figures
        double whole = bar.boundingBox().width;
        double settledWidth = bar.locator(".portal-bar-settled").boundingBox().width;
        assertThat(settledWidth / whole).isBetween(0.2, 0.3);
        // 4601's one-place decision of the matching test
        Locator other = table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("4601"));
        assertThat(other.locator("td").first().textContent()).isEqualTo("1");
        axe("decisions table with bars");
        shot("19-decisions");

        row.locator("a").click();
        page.waitForURL(Pattern.compile(".*/bosetting/kommuner/5001\\?aar=" + year + "$"));
        Locator decision = page.locator("#decision");
        assertThat(decision.locator("tbody tr").first().locator("td").allTextContents()).containsExactly("4", "1", "0", "3");
        assertThat(page.locator("#h-profile").isVisible()).isTrue();
        assertThat(page.locator("#labour-demand").count() + page.getByText("Ingen profil er registrert").count())
                .as("a profile or the note that there is none").isEqualTo(1);
        axe("municipality page");
        shot("20-municipality");

        // typed numbers narrow the list to those municipalities
        page.navigate(portal + "/bosetting/kommuner?aar=" + year);
        page.getByLabel("Bare disse kommunene (valgfritt)").fill("5001");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis vedtak")).click();
        Locator narrowed = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Vedtak om bosetting " + year));
        assertThat(narrowed.locator("tbody tr").count()).isEqualTo(1);
        assertThat(narrowed.locator("tbody tr th").textContent()).contains("5001");
        axe("decisions narrowed to a typed municipality");

        // a typed municipality without a decision for the year says so in its row
        page.navigate(portal + "/bosetting/kommuner?kommuner=5001&aar=" + (year + 1));
        assertThat(page.locator("#decisions tbody tr td").textContent()).isEqualTo("Ingen vedtak om bosetting for " + (year + 1) + ".");
        axe("decisions: a year without a decision");
    }
}
