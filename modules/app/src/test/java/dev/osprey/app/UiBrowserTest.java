package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' UI in a real headless browser: Debian's {@code chromium} driven through its
 * {@code chromedriver} (nothing is downloaded), against a whole node on the in-memory journal,
 * signed in with basic credentials as the API's users are. Each page must load and show what the
 * node has (an executor created over the API appears on the Trading page), and each action
 * (stop, trading state, kill switch) must do nothing until confirmed in its dialog, then act.
 *
 * <p>Each page's screenshot is written to {@code target/ui-screenshots}, and also to the folder
 * the system property {@code osprey.ui.screenshots} names ({@code src-docs/img} for the docs, see
 * {@code src-docs/ui.md}). Skipped, saying why, when the browser packages are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "ui-screenshots");
  /** A limit buy resting below the market, stopped without keeping a position. */
  private static final String EXECUTOR = "ui-browser-1";
  /** A position bought at market, whose P&L follows the quotes; stopped keeping its position. */
  private static final String POSITION = "ui-browser-2";
  private static final ManualClock CLOCK = ManualClock.at("2026-12-06T04:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void openBrowser() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "UiBrowserTest needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; "
            + ".ci/run installs them): " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    final ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1050",
        "--disable-gpu");
    final ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // Each page rebuilds its tables at every refresh (2 s): an element found just before one is
    // stale, and is looked up again.
    wait.ignoring(StaleElementReferenceException.class);
    Files.createDirectories(SHOTS);
    node.quote("paper", "UI-USDT", "100", "100.2");
    created(node.send("POST", "/executors", """
        {"controller_id": "ui-desk", "executor_config": {"id": "%s", "type": "order_executor",
          "connector_name": "paper", "trading_pair": "UI-USDT", "side": "BUY", "amount": "2",
          "execution_strategy": "LIMIT", "price": "95"}}""".formatted(EXECUTOR)));
    node.awaitExecutor(EXECUTOR, n -> "RUNNING".equals(n.get("status").asText()));
    // The document's own example of an agent: a valid create, so the Agents page has one to show.
    final JsonNode example = HttpNode.json(node.send("GET", "/openapi.json", null))
        .at("/paths/~1agents/post/requestBody/content/application~1json/examples/example/value");
    created(node.send("POST", "/agents", example.toString()));
    // The browser's credentials, as an operator types them at the prompt: cached for the origin.
    final URI base = URI.create(node.baseUri());
    browser.get("http://" + HttpNode.ADMIN_USER_PASSWORD + "@" + base.getHost() + ":" + base.getPort() + "/ui");
  }

  private static void created(final HttpResponse<String> r) {
    assertEquals(201, r.statusCode(), r.body());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void open(final String page) {
    browser.get(node.baseUri() + "/ui#" + page);
    wait.until(ExpectedConditions.attributeToBe(By.id("page"), "data-page", page));
  }

  private static String text(final String css) {
    return wait.until(d -> {
      final org.openqa.selenium.WebElement e = d.findElement(By.cssSelector(css));
      return e.isDisplayed() ? e.getText() : null;
    });
  }

  private static void screenshot(final String page) throws Exception {
    final File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    final Path shot = SHOTS.resolve("ui-" + page + ".png");
    Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    final String docs = System.getProperty("osprey.ui.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(shot, Path.of(docs, shot.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  @Order(1)
  void shouldShowTheMembersAndTheirEventsLive() throws Exception {
    open("members");
    final String self = HttpNode.json(node.send("GET", "/cluster/members", null)).get("self").asText();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members tbody"), "Up"));
    final String row = text("#members tr[data-address='" + self + "']");
    assertTrue(row.contains("Up") && row.contains("leader, oldest, this node"), row);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-list"), "MemberUp"));
    assertTrue(text("#event-list").contains(self), text("#event-list"));
    screenshot("members");
  }

  @Test
  @Order(2)
  void shouldShowTheShardsAndFindAnEntity() throws Exception {
    open("sharding");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#shards tr[data-type='Executor']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#find-type option[value='Executor']")));
    new Select(browser.findElement(By.id("find-type"))).selectByValue("Executor");
    browser.findElement(By.id("find-id")).sendKeys(EXECUTOR);
    browser.findElement(By.id("find")).click();
    final String location = text("#location");
    assertTrue(location.contains(EXECUTOR) && location.contains("running"), location);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entity-state"), "\"status\": \"RUNNING\""));
    screenshot("sharding");
  }

  @Test
  @Order(3)
  void shouldShowTheAgentsAndTheirSessions() throws Exception {
    open("agents");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#agents tr[data-agent]")));
    screenshot("agents");
  }

  @Test
  @Order(4)
  void shouldShowTheRunningExecutorsAndTheirPnlOverTime() throws Exception {
    assertEquals(200, node.send("PUT", "/controllers/ui-desk/limits",
        "{\"max_open_executors\": 5, \"max_daily_loss_quote\": \"50\", \"max_drawdown_pct\": \"10\"}").statusCode());
    created(node.send("POST", "/executors", """
        {"controller_id": "ui-desk", "executor_config": {"id": "%s", "type": "position_executor",
          "connector_name": "paper", "trading_pair": "UI-USDT", "side": "BUY", "amount": "2",
          "triple_barrier_config": {"open_order_type": "MARKET"}}}""".formatted(POSITION)));
    node.awaitExecutor(POSITION, n -> n.get("is_trading").asBoolean());
    open("trading");
    final String shown = text("#executors tr[data-executor='" + EXECUTOR + "']");
    assertTrue(shown.contains("ui-desk") && shown.contains("UI-USDT") && shown.contains("pekko://osprey@"), shown);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#controllers tr[data-controller='ui-desk']"), "2 / 5"));
    // Bought 2 at the ask, 100.2: each new bid moves the P&L, and the chart gets a point per refresh.
    for (String bid : new String[] {"101", "103", "99", "102.5"}) {
      node.quote("paper", "UI-USDT", bid, new java.math.BigDecimal(bid).add(new java.math.BigDecimal("0.2")).toPlainString());
      final String pnl = new java.math.BigDecimal(bid).subtract(new java.math.BigDecimal("100.2"))
          .multiply(java.math.BigDecimal.valueOf(2)).setScale(4).toPlainString();
      wait.until(ExpectedConditions.textToBe(By.id("global-pnl"), pnl));
    }
    screenshot("trading");
  }

  @Test
  @Order(5)
  void shouldStopAnExecutorOnlyOnceConfirmed() throws Exception {
    open("trading");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row(EXECUTOR)));
    // Cancelled: nothing happens.
    click(By.cssSelector("button[data-stop='" + EXECUTOR + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    screenshot("stop-confirmation");
    browser.findElement(By.id("confirm-cancel")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
    assertEquals("RUNNING", HttpNode.json(node.send("GET", "/executors/" + EXECUTOR, null)).get("status").asText());

    // Confirmed: the executor stops, and leaves the running ones.
    click(By.cssSelector("button[data-stop='" + EXECUTOR + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    browser.findElement(By.id("confirm-ok")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row(EXECUTOR)));
    assertEquals("EARLY_STOP", node.awaitTerminated(EXECUTOR).get("close_type").asText());

    // Keeping the position: the controller's position book holds it.
    click(By.cssSelector("button[data-stop='" + POSITION + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-keep_position"))).click();
    browser.findElement(By.id("confirm-ok")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row(POSITION)));
    assertEquals("POSITION_HOLD", node.awaitTerminated(POSITION).get("close_type").asText());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("positions"), "UI-USDT"));
    assertTrue(text("#positions").contains("LONG"), text("#positions"));
  }

  @Test
  @Order(6)
  void shouldSetAControllersTradingStateOnceConfirmed() throws Exception {
    open("trading");
    click(By.cssSelector("button[data-set-state='ui-desk']"));
    new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-state")))).selectByValue("REDUCING");
    browser.findElement(By.id("confirm-reason")).sendKeys("desk review");
    browser.findElement(By.id("confirm-ok")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#controllers tr[data-controller='ui-desk']"), "REDUCING"));
    final JsonNode risk = HttpNode.json(node.send("GET", "/controllers/ui-desk/risk", null));
    assertEquals("REDUCING", risk.get("trading_state").asText(), risk::toString);
    assertEquals("desk review", risk.get("trading_state_reason").asText(), risk::toString);
  }

  @Test
  @Order(7)
  void shouldHaltEverythingWithTheKillSwitchOnceConfirmed() throws Exception {
    open("trading");
    wait.until(ExpectedConditions.textToBe(By.id("global-state"), "global ACTIVE"));
    browser.findElement(By.id("kill-switch")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-reason"))).sendKeys("drill");
    browser.findElement(By.id("confirm-ok")).click();
    wait.until(ExpectedConditions.textToBe(By.id("global-state"), "global HALTED"));
    final JsonNode global = HttpNode.json(node.send("GET", "/trading-state", null));
    assertEquals("HALTED", global.get("trading_state").asText(), global::toString);
    assertEquals("drill", global.get("reason").asText(), global::toString);
    assertTrue(global.get("kill_switch").asBoolean(), global::toString);
  }

  private static By row(final String executor) {
    return By.cssSelector("#executors tr[data-executor='" + executor + "']");
  }

  /** Clicks what {@code by} finds, looking it up again while the page's refresh replaces it. */
  private static void click(final By by) {
    wait.until(d -> {
      d.findElement(by).click();
      return true;
    });
  }
}
