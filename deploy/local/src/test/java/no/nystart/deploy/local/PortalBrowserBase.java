package no.nystart.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test class of the portal shares: Debian's chromium driven by Playwright (no browser download)
 * against the shared local stack, a fresh browser context per test, the sign-in through Keycloak's own login page,
 * axe-core's WCAG 2.1 A/AA check of a page, screenshots under target/screenshots, and a dump of the page a failed
 * test was on. The stack starts once per build (SharedStack); the browser once per class.
 */
abstract class PortalBrowserBase {
    protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static final Path AXE = SharedStack.MODULE.resolve("target/axe/axe.min.js");
    protected static final Path SHOTS = SharedStack.MODULE.resolve("target/screenshots");
    protected static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String TODAY = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
    protected static final LocatorAssertions.HasAttributeOptions WAIT_ATTR = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
    protected static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    protected static LocalStack stack;
    protected static String portal;
    protected static Playwright playwright;
    protected static Browser browser;
    protected static String axeSource;
    /** Every page checked by axe, with its violation count, for the report. */
    protected static final List<String> AXE_LOG = new ArrayList<>();

    protected BrowserContext context;
    protected Page page;

    /** A failed test leaves the page it was on (screenshot and HTML) under target/screenshots/FAILED-*. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.AfterTestExecutionCallback dumpOnFailure = ext -> {
        if (ext.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            String name = "FAILED-" + ext.getRequiredTestMethod().getName();
            try {
                System.out.println(name + ": the page was " + page.url());
                Files.writeString(SHOTS.resolve(name + ".html"), page.content());
                shot(name);
            } catch (RuntimeException | java.io.IOException e) {
                System.out.println(name + ": no dump (" + e.getMessage() + ")");
            }
        }
    };

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

    protected static Api settlementApi() throws Exception {
        return new Api(stack.spec("settlement").baseUrl(),
                stack.keycloak().passwordGrant("sigurd.bosetting", KeycloakServer.DEMO_PASSWORD));
    }

    /** A decision of 0 places for the year: no household may be settled there without an override. */
    protected static void noRoomIn(String municipality) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        settlementApi().put("/api/v1/municipalities/" + municipality + "/settlement-decisions/" + today.getYear(), Map.of(
                "requestedTotal", 0, "requestedUnaccompaniedMinors", 0, "decidedTotal", 0,
                "decidedUnaccompaniedMinors", 0, "decidedOn", today.minusDays(20).toString())).expect(200, 201);
    }

    /** A one-person household through reception's API: arrival 60 days ago and a refugee permit 30 days ago. */
    protected static String residentWithPermit(String first, String last, String dufSuffix, String birthDate) throws Exception {
        Api reception = new Api(stack.spec("reception-training").baseUrl(),
                stack.keycloak().passwordGrant("rita.resepsjon", KeycloakServer.DEMO_PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        Map<String, Object> arrival = new java.util.LinkedHashMap<>();
        arrival.put("dufNumber", today.getYear() + dufSuffix);
        arrival.put("firstName", first);
        arrival.put("lastName", last);
        arrival.put("birthDate", birthDate);
        arrival.put("sex", "MALE");
        arrival.put("citizenship", "SYR");
        arrival.put("receptionCentreId", DemoCohort.CENTRES.get(0).toString());
        arrival.put("registeredOn", today.minusDays(60).toString());
        arrival.put("householdId", null);
        arrival.put("asylumProcedure", "NORMAL");
        String personId = reception.post("/api/v1/residents", arrival).expect(201).path("personId").asText();
        reception.post("/api/v1/residents/" + personId + "/residence-permit",
                Map.of("permitType", "REFUGEE", "decisionDate", today.minusDays(30).toString())).expect(201);
        return personId;
    }

    /**
     * A one-person household READY for settlement, made through the services' APIs: arrival 60 days ago, a refugee
     * permit 30 days ago and a competence mapping; waits until the permit and the mapping reached settlement over
     * Kafka. Returns the person's id.
     */
    protected static String readyForSettlement(String first, String last, String dufSuffix, String birthDate) throws Exception {
        Api reception = new Api(stack.spec("reception-training").baseUrl(),
                stack.keycloak().passwordGrant("rita.resepsjon", KeycloakServer.DEMO_PASSWORD));
        Api settlement = settlementApi();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String personId = residentWithPermit(first, last, dufSuffix, birthDate);
        reception.put("/api/v1/residents/" + personId + "/competence-mapping", Map.of(
                "mappedOn", today.minusDays(29).toString(),
                "languages", List.of(Map.of("languageCode", "ara", "proficiency", "NATIVE")),
                "educationLevel", "UPPER_SECONDARY", "educationYears", 12,
                "workExperience", List.of(Map.of("styrkCode", "7212", "years", 6)),
                "otherCompetence", List.of())).expect(201, 200);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (true) { // the permit and the mapping reach settlement over Kafka
            boolean found = false;
            for (JsonNode c : settlement.getAll("/api/v1/cases?status=READY")) {
                found |= c.path("personId").asText().equals(personId);
            }
            if (found) {
                return personId;
            }
            assertThat(System.nanoTime()).as(first + " " + last + ": settlement case READY within 90 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** The code flow through Keycloak's own login page. */
    protected void signIn(String user) {
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

    protected List<String> menu() {
        return page.locator("nav[aria-label=Hovedmeny] a").allTextContents().stream().map(String::strip).toList();
    }

    protected String focused() {
        return String.valueOf(page.evaluate("document.activeElement ? document.activeElement.textContent.trim() : ''"));
    }

    /** Tab until the element with this id has the focus (null: one Tab). */
    protected void tabTo(String id) {
        page.keyboard().press("Tab");
        if (id == null) {
            return;
        }
        for (int i = 0; i < 8 && !id.equals(page.evaluate("document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("document.activeElement.id")).as("focus on " + id).isEqualTo(id);
    }

    /**
     * axe-core needs script, which a context without JavaScript does not run: the markup the portal sent there is
     * served again, at the same address, to a page of a second context with JavaScript (the stylesheets load from the
     * portal as before), and axe runs on that.
     */
    protected void axeWithoutJavaScript(String what) {
        String html = page.content();
        String url = page.url();
        try (BrowserContext checker = browser.newContext(new Browser.NewContextOptions().setLocale("nb-NO")
                .setViewportSize(1280, 900))) {
            Page copy = checker.newPage();
            copy.route(url, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
            copy.navigate(url);
            axe(copy, what);
        }
    }

    protected void axe(String what) {
        axe(page, what);
    }

    /** axe-core in the page (evaluated through the DevTools protocol: the portal's CSP stays on). */
    protected void axe(Page page, String what) {
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

    protected void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
