package io.datadock.local.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}), one per test class. Without chromedriver on the PATH the browser tests are
 * skipped, saying how to install it, unless {@code DATADOCK_BROWSER_TESTS=required} (CI's {@code
 * .ci/run}), where they fail. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String INSTALL = "apt-get install -y chromium chromium-driver";

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A headless browser, {@code width} × 900 px. */
  public static Browser start(int width) {
    Path chromedriver = onPath("chromedriver").orElse(null);
    Path chromium = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
    String missing =
        "the browser tests need chromium and chromedriver on the PATH (" + INSTALL + ")";
    if ("required".equals(System.getenv("DATADOCK_BROWSER_TESTS"))) {
      if (chromedriver == null || chromium == null) {
        throw new IllegalStateException(missing);
      }
    } else {
      Assumptions.assumeTrue(chromedriver != null && chromium != null, missing);
    }
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(chromium.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=" + width + ",900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new Browser(driver);
  }

  private static Optional<Path> onPath(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Resizes the window's viewport to {@code width} px wide. */
  public void width(int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
  }

  @SuppressWarnings("unchecked")
  public <T> T script(String js, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves the page as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the page keeps in localStorage and sessionStorage, as keys. */
  public List<String> storedKeys() {
    return script(
        "return Object.keys(window.localStorage).concat(Object.keys(window.sessionStorage));");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
