package no.nystart.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
class PortalBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path AXE = SharedStack.MODULE.resolve("target/axe/axe.min.js");
    private static final Path SHOTS = SharedStack.MODULE.resolve("target/screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();

    private static LocalStack stack;
    private static String portal;
    private static Playwright playwright;
    private static Browser browser;
    private static String axeSource;
    /** Every page checked by axe, with its violation count, for the report. */
    private static final List<String> AXE_LOG = new ArrayList<>();

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; .ci/run installs it)").isExecutable();
        axeSource = Files.readString(AXE);
        stack = SharedStack.get();
        portal = stack.portalUrl();
        assertThat(portal).as("the portal runs with Keycloak").isNotNull();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        System.out.println("axe-core " + AXE_LOG.size() + " pages checked: " + AXE_LOG);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("nb-NO").setViewportSize(1280, 900));
        context.setDefaultTimeout(90_000); // a shared 2-core machine under load
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

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
        assertThat(menu()).containsExactly("Arbeidsliste", "Klare saker", "Matching", "Personsøk");
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
     * A household made READY through the services' APIs (the reception side is covered above; competence mapping has
     * no page yet), and a municipality decision with room for exactly that household; then, in the browser, the
     * settlement officer runs a matching and reads the result explained (settling on the proposal: not yet green).
     * The one-place decision is taken by the proposal, so no other test's matching run can be sent there.
     */
    @Test
    @Order(8)
    void a_settlement_officer_runs_a_matching_and_reads_the_result_explained() throws Exception {
        KeycloakServer kc = stack.keycloak();
        Api reception = new Api(stack.spec("reception-training").baseUrl(),
                kc.passwordGrant("rita.resepsjon", KeycloakServer.DEMO_PASSWORD));
        Api settlementApi = new Api(stack.spec("settlement").baseUrl(),
                kc.passwordGrant("sigurd.bosetting", KeycloakServer.DEMO_PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        Map<String, Object> arrival = new java.util.LinkedHashMap<>();
        arrival.put("dufNumber", today.getYear() + "00000404");
        arrival.put("firstName", "Bosse");
        arrival.put("lastName", "Matching");
        arrival.put("birthDate", "1985-06-01");
        arrival.put("sex", "MALE");
        arrival.put("citizenship", "SYR");
        arrival.put("receptionCentreId", DemoCohort.CENTRES.get(0).toString());
        arrival.put("registeredOn", today.minusDays(60).toString());
        arrival.put("householdId", null);
        arrival.put("asylumProcedure", "NORMAL");
        String personId = reception.post("/api/v1/residents", arrival).expect(201).path("personId").asText();
        reception.post("/api/v1/residents/" + personId + "/residence-permit",
                Map.of("permitType", "REFUGEE", "decisionDate", today.minusDays(30).toString())).expect(201);
        reception.put("/api/v1/residents/" + personId + "/competence-mapping", Map.of(
                "mappedOn", today.minusDays(29).toString(),
                "languages", List.of(Map.of("languageCode", "ara", "proficiency", "NATIVE")),
                "educationLevel", "UPPER_SECONDARY", "educationYears", 12,
                "workExperience", List.of(Map.of("styrkCode", "7212", "years", 6)),
                "otherCompetence", List.of())).expect(201, 200);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (true) { // the permit and the mapping reach settlement over Kafka
            JsonNode ready = settlementApi.get("/api/v1/cases?status=READY").expect(200);
            boolean found = false;
            for (JsonNode c : ready) {
                found |= c.path("personId").asText().equals(personId);
            }
            if (found) {
                break;
            }
            assertThat(System.nanoTime()).as("settlement case READY within 90 s").isLessThan(deadline);
            Thread.sleep(500);
        }
        int year = today.getYear();
        settlementApi.put("/api/v1/municipalities/4601/settlement-decisions/" + year, Map.of(
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

    // ------------------------------------------------------------------ helpers

    /** The code flow through Keycloak's own login page. */
    private void signIn(String user) {
        page.navigate(portal + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logg inn")).click();
        page.locator("#username").waitFor();
        assertThat(page.url()).startsWith(stack.keycloak().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        page.locator("#username").fill(user);
        page.locator("#password").fill(KeycloakServer.DEMO_PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(portal + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).waitFor();
        for (Cookie c : context.cookies()) {
            if (c.name.startsWith("q_session") || c.name.equals("nystart-csrf")) {
                assertThat(c.httpOnly).as(c.name + " HttpOnly").isTrue();
                assertThat(c.sameSite).as(c.name + " SameSite").isNotNull();
            }
        }
    }

    private List<String> menu() {
        return page.locator("nav[aria-label=Hovedmeny] a").allTextContents().stream().map(String::strip).toList();
    }

    private String focused() {
        return String.valueOf(page.evaluate("document.activeElement ? document.activeElement.textContent.trim() : ''"));
    }

    /** Tab until the element with this id has the focus (null: one Tab). */
    private void tabTo(String id) {
        page.keyboard().press("Tab");
        if (id == null) {
            return;
        }
        for (int i = 0; i < 8 && !id.equals(page.evaluate("document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("document.activeElement.id")).as("focus on " + id).isEqualTo(id);
    }

    /** axe-core in the page (evaluated through the DevTools protocol: the portal's CSP stays on). */
    private void axe(String what) {
        try {
            if (!Boolean.TRUE.equals(page.evaluate("typeof window.axe !== 'undefined'"))) {
                page.evaluate(axeSource);
            }
            String result = (String) page.evaluate("async (tags) => JSON.stringify((await axe.run(document, "
                    + "{ runOnly: { type: 'tag', values: tags } })).violations.map(v => ({ id: v.id, impact: v.impact, "
                    + "help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))", WCAG);
            JsonNode violations = JSON.readTree(result);
            AXE_LOG.add(what + "=" + violations.size());
            assertThat(violations.size()).as("axe WCAG 2.1 A/AA violations on " + what + ": " + violations).isZero();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
