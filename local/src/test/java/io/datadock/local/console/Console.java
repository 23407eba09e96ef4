package io.datadock.local.console;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The web console as a user drives it: sign in and out, sections, the tree, tables, messages. */
public final class Console {

  public static final By SIGN_IN = By.cssSelector("form.sign-in");
  public static final By SIGN_OUT = By.id("sign-out");

  private final Browser browser;
  private final String url;

  public Console(Browser browser, String gatewayUrl) {
    this.browser = browser;
    this.url = gatewayUrl;
  }

  public Browser browser() {
    return browser;
  }

  public String url() {
    return url;
  }

  /** Opens the console at {@code hash} (say {@code #/datasets}) with a fresh page load. */
  public void load(String hash) {
    browser.driver().get("about:blank"); // else only the hash changes: no load
    browser.driver().get(url + "/" + hash);
  }

  /** Signs in with {@code token}, signing whoever was signed in out first. */
  public void signIn(String token) {
    signedOut();
    submitKey(token);
    browser.waiting().until(visibilityOfElementLocated(SIGN_OUT));
  }

  /** Loads the console and signs whoever is signed in out: the sign-in form shows. */
  public void signedOut() {
    load("#/datasets");
    browser
        .waiting()
        .until(d -> !d.findElements(SIGN_IN).isEmpty() || !d.findElements(SIGN_OUT).isEmpty());
    if (!browser.driver().findElements(SIGN_OUT).isEmpty()) {
      signOut();
    }
  }

  /** Types a key in the sign-in form and submits it; answers nothing about the outcome. */
  public void submitKey(String token) {
    WebElement input = browser.waiting().until(visibilityOfElementLocated(By.id("token")));
    input.clear();
    input.sendKeys(token);
    browser.driver().findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
  }

  public void signOut() {
    browser.waiting().until(elementToBeClickable(SIGN_OUT)).click();
    browser.waiting().until(visibilityOfElementLocated(SIGN_IN));
  }

  /** Goes to a section by hash without reloading the page. */
  public void go(String hash) {
    browser.script("window.location.hash = arguments[0];", hash);
  }

  public WebElement find(By by) {
    return browser.waiting().until(visibilityOfElementLocated(by));
  }

  public WebElement click(By by) {
    WebElement element = browser.waiting().until(elementToBeClickable(by));
    element.click();
    return element;
  }

  /** Waits until {@code by} shows text containing {@code text}; answers the element. */
  public WebElement waitForText(By by, String text) {
    return browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  public void waitUntilGone(By by) {
    browser.waiting().until(invisibilityOfElementLocated(by));
  }

  /** A row of the source tree: kind depot, collection or dataset, and its name. */
  public static By treeRow(String kind, String name) {
    return By.cssSelector(".tree-row[data-kind='" + kind + "'][data-name='" + name + "']");
  }

  /** A row of the source tree in one depot. */
  public static By treeRow(String kind, String depot, String name) {
    return By.cssSelector(
        ".tree-row[data-kind='"
            + kind
            + "'][data-depot='"
            + depot
            + "'][data-name='"
            + name
            + "']");
  }

  /** Expands a depot or collection row of the tree (clicking its chevron). */
  public void expand(By row) {
    WebElement element = find(row);
    if (!"true".equals(element.getAttribute("aria-expanded"))) {
      element.findElement(By.cssSelector(".chevron")).click();
    }
  }

  /** The text of each cell of the table with {@code id}, row by row. */
  public List<List<String>> table(String id) {
    find(By.id(id));
    return browser.driver().findElements(By.cssSelector("#" + id + " tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  public Cookie sessionCookie() {
    return browser.driver().manage().getCookieNamed("datadock_session");
  }

  /** Fills the apply page's manifest box (no typing delay: the value is set and announced). */
  public void pasteManifest(String manifest) {
    WebElement box = find(By.id("manifest"));
    browser.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        box,
        manifest);
  }
}
