package io.datadock.local;

import static io.datadock.local.console.Console.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser against the real platform: signing in and out, apply with its
 * errors at their fields and depots followed live, delete, resources kept current by the watch, Me
 * and API keys, what a forbidden user sees, hostile descriptions shown as text, both widths.
 */
class ConsoleWorkflowIT extends ConsoleBase {

  static final String XSS = "<img src=x onerror=alert(1)>";
  static String anaKey;

  @BeforeAll
  static void people() {
    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"sales\"}").status()).isEqualTo(201);
    anaKey =
        userWithKey(
            "ana", "[\"default\", \"sales\"]", "[\"roles:id:user\", \"roles:id:data-dev\"]", "[]");
  }

  @Test
  void signingInKeepsTheKeyOutOfTheBrowserAndSigningOutEndsTheSession() throws Exception {
    console.signedOut();
    console.submitKey("dda_not-a-key");
    console.waitForText(By.id("sign-in-error"), "invalid, expired or revoked API key");

    console.signIn(anaKey);
    assertThat(console.find(By.cssSelector(".who")).getText()).isEqualTo("ANA");
    List<String> tenants =
        browser.driver().findElements(By.cssSelector("#tenant option")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(tenants).containsExactly("default", "sales");
    Cookie cookie = console.sessionCookie();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(browser.storedKeys()).isEmpty();
    assertThat(browser.driver().getCurrentUrl())
        .doesNotContain(anaKey)
        .doesNotContain(cookie.getValue());
    assertThat(browser.driver().getPageSource()).doesNotContain(anaKey);
    assertThat((String) browser.script("return document.cookie;")).isEmpty();

    console.signOut();
    assertThat(console.sessionCookie()).isNull();
    assertThat(
            withCookie(cookie.getValue(), "GET", "/api/v1/resources?type=depot", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aRevokedKeyEndsItsSession() {
    JsonObject key = issueKey("ana");
    console.signIn(key.getString("token"));
    String keyId = key.getString("keyId");
    assertThat(api.delete("/api/v1/users/ana/apikeys/" + keyId).status()).isEqualTo(200);

    console.go("#/me");
    console.find(SIGN_IN);
    console.waitForText(By.cssSelector(".sign-in .notice"), "revoked");
  }

  @Test
  void cookieRequestsNeedTheCsrfTokenAndBearerTokensWorkAsBefore() throws Exception {
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    String session = console.sessionCookie().getValue();
    String secret =
        "name: csrf-probe\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {a: b}\n";

    HttpResponse<String> forged = withCookie(session, "POST", "/api/v1/resources", secret);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-CSRF-Token");
    assertThat(withCookie(session, "GET", "/api/v1/users/me", null).statusCode()).isEqualTo(200);
    assertThat(api.applyYaml(secret, "").status()).isEqualTo(200);
    HttpResponse<String> page = withCookie(session, "GET", "/", null);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void applyShowsEachErrorAtItsFieldThenAGoodApplyTurnsActiveLive() throws Exception {
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    console.go("#/apply");
    console.pasteManifest(
        """
        name: web-cred
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {username: web, password: pw}
        ---
        name: web-pg
        version: v2alpha
        type: depot
        spec:
          type: postgresql
          spec:
            host: localhost
            port: 99999
            database: orders
        """);
    console.click(By.id("validate"));
    WebElement error = console.find(By.cssSelector(".field-error[data-field='spec.spec.port']"));
    assertThat(error.getText()).contains("document 2", "port number between 1 and 65535");
    WebElement line = error.findElement(By.xpath("preceding-sibling::li[1]"));
    assertThat(line.getText()).contains("port: 99999");
    assertThat(console.find(By.id("manifest")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("ConsoleWorkflowIT-validation-error");

    Path files = Files.createDirectories(dataDir.resolve("files").resolve("web-files"));
    Files.writeString(files.resolve("orders.csv"), "id,total\n1,2\n");
    browser.script("window.__sameDocument = true;");
    console.pasteManifest(
        """
        name: web-files
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s"}
        """
            .formatted(files.toAbsolutePath()));
    console.click(By.id("apply"));
    console.waitForText(By.id("apply-summary"), "Applied 1 document");
    By status = By.cssSelector("#apply-results .follow[data-name='web-files'] .badge");
    console.waitForText(status, "active");
    assertThat((Boolean) browser.script("return window.__sameDocument === true;")).isTrue();
  }

  @Test
  void deleteShowsTheServersDependencyMessage() {
    applied(
        """
        name: dep-cred
        version: v2alpha
        type: secret
        secret: {type: key-value, data: {username: u, password: p}}
        ---
        name: dep-depot
        version: v2alpha
        type: depot
        spec:
          type: postgresql
          spec: {host: localhost, port: 1, database: orders}
          secrets:
            - {id: "default:dep-cred", purpose: rw}
        """,
        "?wait=true");
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    console.go("#/resources/secret/dep-cred");
    console.click(By.id("delete"));
    console.click(By.id("delete-confirm"));
    console.waitForText(
        By.cssSelector("#delete-outcome .state-error"),
        "cannot delete resource, it is a dependency of 'depot:v2alpha:dep-depot'");
  }

  @Test
  void descriptionsAndNamesAreShownAsTextNeverAsMarkup() {
    applied(
        "name: xss-cred\nversion: v2alpha\ntype: secret\ndescription: \""
            + XSS
            + "\"\nsecret:\n  type: key-value\n  data: {a: b}\n",
        "");
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    console.go("#/resources/secret/xss-cred");
    console.waitForText(By.cssSelector(".facts dd"), XSS);
    assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
    assertThatThrownBy(() -> browser.driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void resourceTablesFollowTheWatchStream() {
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    console.go("#/resources/secret");
    console.click(By.cssSelector("button[data-scope='all']"));
    browser.script("window.__sameDocument = true;");
    applied(
        "name: live-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {a: b}\n",
        "");
    console.waitForText(By.id("resources-table"), "live-cred");
    List<String> row =
        console.table("resources-table").stream()
            .filter(r -> r.get(0).equals("live-cred"))
            .findFirst()
            .orElseThrow();
    assertThat(row).containsSequence("v2alpha", "key-value", "—", "active", "admin");
    assertThat((Boolean) browser.script("return window.__sameDocument === true;")).isTrue();

    api.delete("/api/v1/resources/secret/live-cred");
    console
        .browser()
        .waiting()
        .until(d -> !d.findElement(By.id("resource-list")).getText().contains("live-cred"));
  }

  @Test
  void meShowsTagsAndManagesApiKeysAndSecretValuesStayHidden() {
    console.signIn(anaKey);
    console.go("#/me");
    console.waitForText(By.id("tags"), "roles:id:data-dev");
    console.click(By.id("create-key"));
    String token = console.find(By.id("new-token")).getText();
    assertThat(token).startsWith("dda_");
    assertThat(browser.storedKeys()).isEmpty();
    String keyId = console.find(By.id("new-key-id")).getText();
    console.click(By.cssSelector("#api-keys-table button[aria-label='Revoke key " + keyId + "']"));
    console.click(By.cssSelector("#api-keys-table button.danger"));
    console.waitForText(By.id("api-keys-table"), "revoked");
    assertThat(api.withToken(token).get("/api/v1/users/me").status()).isEqualTo(401);

    applied(
        "name: shown-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {user: a, password: s3cr3t-value}\n",
        "");
    console.go("#/resources/secret/shown-cred");
    assertThat(console.table("keys"))
        .containsExactly(List.of("password", "***"), List.of("user", "***"));
    assertThat(browser.driver().findElements(By.id("reveal"))).isEmpty();

    console.signIn(RunningPlatform.ADMIN_TOKEN);
    console.go("#/resources/secret/shown-cred");
    console.click(By.id("reveal"));
    console.waitForText(By.id("keys"), "s3cr3t-value");
  }

  @Test
  void aUserWithoutTheRoleIsToldWhichRoleIsMissing() {
    String key = userWithKey("viewer", "[\"default\"]", "[\"roles:id:user\"]", "[]");
    console.signIn(key);
    console.go("#/apply");
    console.pasteManifest(
        "name: nope\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {a: b}\n");
    console.click(By.id("apply"));
    console.waitForText(By.cssSelector(".state-forbidden"), "data-dev");
  }

  @Test
  void everyPageWorksAt390And1280PixelsWide() {
    applied(
        "name: page-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {a: b}\n",
        "");
    console.signIn(RunningPlatform.ADMIN_TOKEN);
    List<String> pages =
        List.of(
            "#/datasets",
            "#/resources/depot",
            "#/resources/secret",
            "#/apply",
            "#/me",
            "#/resources/secret/page-cred");
    for (int width : new int[] {NARROW, WIDE}) {
      browser.width(width);
      for (String page : pages) {
        console.go(page);
        console.find(By.cssSelector("main h1"));
        browser.screenshot(
            "ConsoleWorkflowIT-" + width + "px-" + page.substring(2).replace('/', '-'));
        long overflow =
            browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow)
            .as("horizontal overflow of %s at %d px", page, width)
            .isLessThanOrEqualTo(0);
      }
    }
    browser.width(NARROW);
    console.signOut();
    browser.screenshot("ConsoleWorkflowIT-390px-sign-in");
  }

  private static HttpResponse<String> withCookie(
      String session, String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri(path))
            .header("Cookie", "datadock_session=" + session)
            .header("Content-Type", "application/yaml")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
