package com.supportchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget and the operator console in a real headless Chromium against the running system: a visitor on
 * the demo store gets an AI answer, asks for a person, the operator sees the handoff live in the console and
 * answers, resolves, and the visitor rates the conversation; a verified customer's history follows them to a
 * second browser, an anonymous visitor's does not. Screenshots go to {@code docs/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}); Selenium Manager is kept offline, nothing is downloaded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String gateway;
    private static String widgetToken;
    private static String apiKey;
    private static String operatorToken;
    private static Path screenshots;
    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void startTheSystemAndSeedTheKnowledgeBase() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install Debian's packages with `apt-get install -y chromium chromium-driver`");
        }
        System.setProperty("SE_OFFLINE", "true");
        // -Dbrowser.gateway=... (with browser.widgetToken and browser.apiKey) points the tests at a system
        // that is already running; by default the shared end-to-end system is started.
        if (System.getProperty("browser.gateway") != null) {
            gateway = System.getProperty("browser.gateway");
            widgetToken = System.getProperty("browser.widgetToken");
            apiKey = System.getProperty("browser.apiKey");
        }
        else {
            RunningSystem system = RunningSystem.get();
            gateway = system.cluster.gateway();
            widgetToken = system.widgetToken;
            apiKey = system.apiKey;
        }
        screenshots = Path.of(System.getProperty("supportchat.root", "..")).resolve("docs").resolve("screenshots");
        Files.createDirectories(screenshots);
        operatorToken = (String) call("POST", "/api/v1/auth/login", null,
                Map.of("email", RunningSystem.OPERATOR_EMAIL, "password", RunningSystem.OPERATOR_PASSWORD)).get("accessToken");
        call("POST", "/api/v1/knowledge-base/articles", operatorToken, Map.of("title", "Opening hours", "format", "markdown",
                "content", """
                        # Opening hours
                        Our support team and showroom are open Monday to Friday from 9:00 to 17:00 (CET).
                        On Saturdays we are open from 10:00 to 14:00. We are closed on Sundays and public holidays.
                        """));
    }

    @AfterEach
    void closeTheBrowsers() {
        drivers.forEach(WebDriver::quit);
        drivers.clear();
        for (Path profile : profiles) {
            deleteQuietly(profile);
        }
    }

    @Test
    @Order(1)
    void visitorGetsAnAiAnswerAsksForAPersonTheOperatorAnswersLiveResolvesAndTheVisitorRates() {
        WebDriver visitor = browser(1280, 860);
        WebDriver operator = browser(1440, 900);

        // the operator is already watching the inbox: what follows must arrive without a reload
        loginToConsole(operator);
        waitFor(operator, d -> d.findElements(By.cssSelector(".live-dot.on")).size() == 1);

        // (a) the visitor asks a question on the demo store and gets the AI's answer
        visitor.get(demoUrl(""));
        SearchContext widget = openWidget(visitor);
        screenshot(visitor, "widget-open");
        startConversationIfOffered(visitor, widget);
        type(visitor, widget, "What are your opening hours?");
        WebElement answer = waitFor(visitor, d -> first(widget, ".msg.AI[data-seq] .bubble"));
        assertThat(answer.getText()).contains("Monday to Friday");
        assertThat(widget.findElements(By.cssSelector(".msg.VISITOR .bubble")).get(0).getText())
            .isEqualTo("What are your opening hours?");
        assertThat(widget.findElements(By.cssSelector(".helpful-yes"))).isNotEmpty();
        widget.findElement(By.cssSelector(".helpful-yes")).click();
        waitFor(visitor, d -> widget.findElements(By.cssSelector(".helpful[role=status]")).size() == 1);
        screenshot(visitor, "widget-ai-answer");

        // (b) the visitor asks for a person: handoff in the widget, the conversation appears live in the console
        type(visitor, widget, "I want to talk to a human");
        WebElement handoff = waitFor(visitor, d -> first(widget, ".system.handoff"));
        assertThat(handoff.getText()).startsWith("Connecting you with a team member");
        screenshot(visitor, "widget-handoff");

        String conversationId = widget.findElement(By.cssSelector(".thread[data-conversation]")).getAttribute("data-conversation");
        waitFor(operator,
                d -> first(d, ".inbox a.conv[data-id='" + conversationId + "'][data-status=ESCALATED]"));
        waitFor(operator, d -> first(d, ".alerts .alert"));
        screenshot(operator, "console-inbox");
        click(operator, operator, ".inbox a.conv[data-id='" + conversationId + "']");
        waitFor(operator, d -> first(d, ".detail .entry.handoff"));
        assertThat(operator.findElement(By.cssSelector(".detail .thread")).getText())
            .contains("What are your opening hours?", "I want to talk to a human");
        assertThat(operator.getCurrentUrl()).contains("#/conversations/" + conversationId);
        click(operator, operator, "#claim");
        waitFor(operator, d -> d.findElement(By.cssSelector(".detail-head")).getText().contains("Assigned to Ada") ? true : null);
        WebElement reply = operator.findElement(By.id("reply"));
        reply.sendKeys("Hi, Ada here. I can help you with that.");
        click(operator, operator, "#send-reply");
        waitFor(operator, d -> first(d, ".detail .entry.msg.OPERATOR"));
        screenshot(operator, "console-conversation");

        WebElement fromOperator = waitFor(visitor, d -> first(widget, ".msg.OPERATOR"));
        assertThat(fromOperator.findElement(By.cssSelector(".who")).getText()).isEqualTo("Support Agent");
        assertThat(fromOperator.findElement(By.cssSelector(".bubble")).getText()).isEqualTo("Hi, Ada here. I can help you with that.");
        screenshot(visitor, "widget-operator-reply");

        // (c) the operator resolves; the visitor is asked for a rating and gives one
        click(operator, operator, "#resolve");
        WebElement csat = waitFor(visitor, d -> first(widget, ".csat"));
        csat.findElement(By.cssSelector("button[data-rating='5']")).click();
        csat.findElement(By.cssSelector("textarea")).sendKeys("Quick and friendly!");
        screenshot(visitor, "widget-csat");
        csat.findElement(By.cssSelector(".csat-submit")).click();
        waitFor(visitor, d -> first(widget, ".csat-done"));
        assertThat(widget.findElements(By.cssSelector(".composer:not([hidden])"))).isEmpty();
        waitFor(operator, d -> first(d, ".detail .badge.RESOLVED"));
    }

    @Test
    @Order(2)
    void aVerifiedCustomerSeesTheSameHistoryInTwoBrowsersAndAnAnonymousVisitorDoesNot() throws Exception {
        String contactToken = (String) call("POST", "/widget/authenticate-user", apiKey,
                Map.of("userId", "user-" + System.nanoTime(), "email", "grace@example.com", "name", "Grace Hopper",
                        "customData", Map.of("plan", "Pro"))).get("token");
        String verified = "&userToken=" + URLEncoder.encode(contactToken, StandardCharsets.UTF_8);

        WebDriver laptop = browser(1280, 860);
        laptop.get(demoUrl(verified));
        SearchContext first = openWidget(laptop);
        startConversationIfOffered(laptop, first);
        type(laptop, first, "Do you ship to Canada? Order 1234");
        waitFor(laptop, d -> first(first, ".msg.VISITOR[data-seq]:not(.pending)"));

        WebDriver phone = browser(390, 844);
        phone.get(demoUrl(verified));
        SearchContext second = openWidget(phone);
        WebElement listed = waitFor(phone, d -> first(second, ".conv"));
        assertThat(second.findElements(By.cssSelector(".conv"))).hasSize(1);
        listed.click();
        WebElement mine = waitFor(phone, d -> first(second, ".msg.VISITOR .bubble"));
        assertThat(mine.getText()).isEqualTo("Do you ship to Canada? Order 1234");
        screenshot(phone, "widget-phone-verified-history");

        WebDriver stranger = browser(1280, 860);
        stranger.get(demoUrl(""));
        SearchContext anonymous = openWidget(stranger);
        waitFor(stranger, d -> first(anonymous, ".new-conversation"));
        assertThat(anonymous.findElements(By.cssSelector(".conv"))).isEmpty();
        assertThat(anonymous.findElement(By.cssSelector(".body")).getText()).doesNotContain("Canada");
    }

    @Test
    @Order(3)
    void theConsoleShowsSettingsKnowledgeBaseApiKeysOperatorsAndAnalytics() {
        Map<String, Object> handoffSettings = call("GET", "/api/v1/settings/handoff", operatorToken, null);
        Map<String, Object> notificationSettings = call("GET", "/api/v1/settings/notifications", operatorToken, null);
        try {
            consoleSettingsPages();
        }
        finally {
            // other end-to-end tests share the org: leave its settings as they were
            restore("/api/v1/settings/handoff", handoffSettings);
            restore("/api/v1/settings/notifications", notificationSettings);
        }
    }

    private void consoleSettingsPages() {
        WebDriver operator = browser(1440, 900);
        loginToConsole(operator);

        operator.get(gateway + "/console/#/settings/widget");
        waitFor(operator, d -> first(d, "form.settings input[name=operatorLabel]"));
        screenshot(operator, "console-settings-session-rules");

        operator.get(gateway + "/console/#/settings/handoff");
        WebElement handoff = waitFor(operator, d -> first(d, "form.settings textarea[name=forbiddenTopics]"));
        handoff.clear();
        handoff.sendKeys("legal threats");
        operator.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        waitFor(operator, d -> List.of("legal threats")
            .equals(call("GET", "/api/v1/settings/handoff", operatorToken, null).get("forbiddenTopics")) ? true : null);
        screenshot(operator, "console-settings-handoff");

        operator.get(gateway + "/console/#/knowledge-base");
        waitFor(operator, d -> d.findElements(By.cssSelector(".table tbody tr")).size() >= 1 ? true : null);
        screenshot(operator, "console-knowledge-base");

        operator.get(gateway + "/console/#/api-keys");
        WebElement name = waitFor(operator, d -> first(d, ".inline-form input[name=name]"));
        name.sendKeys("Staging backend");
        operator.findElement(By.cssSelector(".inline-form button[type=submit]")).click();
        WebElement secret = waitFor(operator, d -> first(d, "#new-secret"));
        assertThat(secret.getText()).startsWith("sk_live_");
        screenshot(operator, "console-api-keys");

        operator.get(gateway + "/console/#/settings/ai");
        waitFor(operator, d -> first(d, "form.settings textarea[name=systemPrompt]"));
        assertThat(operator.findElement(By.cssSelector("form.settings input[name=apiKey]")).getAttribute("value")).isEmpty();
        screenshot(operator, "console-settings-ai");

        operator.get(gateway + "/console/#/settings/notifications");
        WebElement recipients = waitFor(operator, d -> first(d, "form.settings textarea[name=emailRecipients]"));
        recipients.clear();
        recipients.sendKeys("support@acme.test");
        operator.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        waitFor(operator, d -> List.of("support@acme.test")
            .equals(call("GET", "/api/v1/settings/notifications", operatorToken, null).get("emailRecipients")) ? true : null);
        screenshot(operator, "console-settings-notifications");

        operator.get(gateway + "/console/#/operators");
        waitFor(operator, d -> first(d, "form input[name=email]"));
        String email = "grace." + System.nanoTime() + "@acme.test";
        operator.findElement(By.cssSelector("form input[name=name]")).sendKeys("Grace Agent");
        operator.findElement(By.cssSelector("form input[name=email]")).sendKeys(email);
        operator.findElement(By.cssSelector("form input[name=password]")).sendKeys("a long enough password");
        operator.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement row = waitFor(operator, d -> d.findElements(By.cssSelector(".table tbody tr")).stream()
            .filter(r -> r.getText().contains(email)).findFirst().orElse(null));
        row.findElement(By.cssSelector("button")).click();
        waitFor(operator, d -> d.findElements(By.cssSelector(".table tbody tr")).stream()
            .anyMatch(r -> r.getText().contains(email) && r.getText().contains("Deactivated")) ? true : null);
        screenshot(operator, "console-operators");

        operator.get(gateway + "/console/#/analytics");
        waitFor(operator, d -> first(d, ".tiles .tile"));
        screenshot(operator, "console-analytics");

        // a bad save shows the problem detail to the user
        operator.get(gateway + "/console/#/settings/widget");
        WebElement label = waitFor(operator, d -> first(d, "form.settings input[name=operatorLabel]"));
        label.clear();
        operator.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        WebElement error = waitFor(operator, d -> first(d, "form.settings .error:not(:empty)"));
        assertThat(error.getText()).isNotBlank();
    }

    @Test
    @Order(4)
    void theOrgsSessionRulesShapeTheWidgetAndCollectedDataReachesTheConsoleAsUntrusted() {
        Map<String, Object> defaults = call("GET", "/api/v1/settings/widget", operatorToken, null);
        call("PUT", "/api/v1/settings/widget", operatorToken, Map.of("allowMultipleOpen", false,
                "showConversationList", true, "firstTimeStraightToChat", true, "visitorCanClose", true,
                "helpfulPrompt", false, "operatorLabel", "Acme Team"));
        try {
            WebDriver visitor = browser(1280, 860);
            visitor.get(demoUrl("&collect=1&name=" + URLEncoder.encode("Lin Chen", StandardCharsets.UTF_8)));
            SearchContext widget = openWidget(visitor);
            WebElement name = waitFor(visitor, d -> first(widget, ".form input[name=name]"));
            assertThat(name.getAttribute("value")).isEqualTo("Lin Chen");
            widget.findElement(By.cssSelector(".form input[name=email]")).sendKeys("lin@example.com");
            widget.findElement(By.cssSelector(".form input[name='extra:orderNumber']")).sendKeys("A-1042");
            screenshot(visitor, "widget-data-collection");
            widget.findElement(By.cssSelector(".form button[type=submit]")).click();

            // first time: straight into chat; the AI answers; no "was this helpful?" when the org turned it off
            type(visitor, widget, "What are your opening hours?");
            waitFor(visitor, d -> first(widget, ".msg.AI[data-seq] .bubble"));
            assertThat(widget.findElements(By.cssSelector(".helpful"))).isEmpty();
            String conversationId = widget.findElement(By.cssSelector(".thread[data-conversation]")).getAttribute("data-conversation");

            // one open conversation at a time: the list offers no new one while this one is open
            widget.findElement(By.cssSelector(".back")).click();
            waitFor(visitor, d -> first(widget, ".list .conv"));
            assertThat(widget.findElements(By.cssSelector(".new-conversation"))).isEmpty();
            widget.findElement(By.cssSelector(".list .conv")).click();

            // the visitor may close the conversation and is asked for a rating
            waitFor(visitor, d -> first(widget, ".end-btn")).click();
            waitFor(visitor, d -> first(widget, ".csat"));
            waitFor(visitor, d -> first(widget, ".new-conversation"));

            // the console, opened on a deep link, shows what the visitor typed as untrusted data
            WebDriver operator = browser(1440, 900);
            operator.get(gateway + "/console/#/conversations/" + conversationId);
            waitFor(operator, d -> first(d, "input[name=email]")).sendKeys(RunningSystem.OPERATOR_EMAIL);
            operator.findElement(By.cssSelector("input[name=password]")).sendKeys(RunningSystem.OPERATOR_PASSWORD, Keys.ENTER);
            WebElement customer = waitFor(operator, d -> first(d, ".detail aside.customer"));
            waitFor(operator, d -> customer.getText().contains("A-1042") ? true : null);
            assertThat(customer.getText()).contains("Not verified", "lin@example.com", "UNTRUSTED DATA");
            assertThat(operator.findElement(By.cssSelector(".detail-head h2")).getText()).isEqualTo("Lin Chen");
            screenshot(operator, "console-customer-data");
        }
        finally {
            Map<String, Object> restore = new java.util.HashMap<>(defaults);
            call("PUT", "/api/v1/settings/widget", operatorToken, restore);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private String demoUrl(String extra) {
        return gateway + "/demo/?token=" + URLEncoder.encode(widgetToken, StandardCharsets.UTF_8) + extra;
    }

    private void loginToConsole(WebDriver operator) {
        operator.get(gateway + "/console/");
        waitFor(operator, d -> first(d, "input[name=email]")).sendKeys(RunningSystem.OPERATOR_EMAIL);
        operator.findElement(By.cssSelector("input[name=password]")).sendKeys(RunningSystem.OPERATOR_PASSWORD, Keys.ENTER);
        waitFor(operator, d -> first(d, ".inbox .pane-head"));
    }

    private SearchContext openWidget(WebDriver driver) {
        WebElement host = waitFor(driver, d -> first(d, "#supportchat-widget"));
        SearchContext shadow = host.getShadowRoot();
        waitFor(driver, d -> first(shadow, ".launcher")).click();
        waitFor(driver, d -> first(shadow, ".panel:not([hidden]) .body .list, .panel:not([hidden]) .body .thread, .panel:not([hidden]) .body .form"));
        return shadow;
    }

    private void startConversationIfOffered(WebDriver driver, SearchContext widget) {
        List<WebElement> start = widget.findElements(By.cssSelector(".list .new-conversation"));
        if (!start.isEmpty()) {
            start.get(0).click();
            waitFor(driver, d -> first(widget, ".thread"));
        }
    }

    private void type(WebDriver driver, SearchContext widget, String text) {
        WebElement input = waitFor(driver, d -> first(widget, ".composer:not([hidden]) textarea"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private static void restore(String path, Map<String, Object> document) {
        Map<String, Object> body = new java.util.HashMap<>(document);
        body.remove("updatedAt");
        body.remove("activeTriggers");
        call("PUT", path, operatorToken, body);
    }

    /** Clicks once the element is there, finding it again when a live re-render replaced it. */
    private void click(WebDriver driver, SearchContext context, String css) {
        waitFor(driver, d -> {
            try {
                WebElement element = first(context, css);
                if (element == null) {
                    return null;
                }
                element.click();
                return true;
            }
            catch (org.openqa.selenium.StaleElementReferenceException ex) {
                return null;
            }
        });
    }

    private static WebElement first(SearchContext context, String css) {
        List<WebElement> found = context.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        try {
            // live updates re-render parts of the page: an element found a moment ago may be replaced
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
        }
        catch (RuntimeException ex) {
            screenshot(driver, "failure-" + System.currentTimeMillis());
            try {
                driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.err.println("[browser] " + entry));
            }
            catch (RuntimeException ignored) {
                // not every driver keeps the log
            }
            throw ex;
        }
    }

    private WebDriver browser(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--autoplay-policy=no-user-gesture-required");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        drivers.add(driver);
        return driver;
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = name.startsWith("failure-") ? Path.of("target", name + ".png") : screenshots.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | RuntimeException ex) {
            System.err.println("could not save screenshot " + name + ": " + ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(String method, String path, String bearer, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException | RuntimeException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
