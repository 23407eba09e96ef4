package io.datadock.cli;

import static io.datadock.cli.golden.Transcripts.golden;
import static io.datadock.cli.golden.Transcripts.masked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestSnowflakeServer;
import io.datadock.local.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DataOS's data-connection guide (DATAOS-CLI.md), step by step, as its user runs it: through {@code
 * bin/datadock}, a process of its own per command, with a profile of its own ({@code
 * DATADOCK_CONFIG}), against the real embedded platform. The user is a data-dev of tenant {@code
 * engineering}, created by the admin with the CLI first. What a terminal shows (stderr and stdout
 * as they interleave) is compared with the golden transcripts.
 */
class DataosWalkthroughIT {

  static final String USER = "johndoetmdcio";

  @TempDir static Path dataDir;
  static Platform platform;
  static Path admin;
  static TestSnowflakeServer snowflake;

  @TempDir Path dir;

  @BeforeAll
  static void startPlatform() throws IOException {
    snowflake =
        TestSnowflakeServer.start("acme")
            .user("sales_reader", "sn0w$flake!", "ANALYST")
            .warehouse("COMPUTE_WH")
            .grant("ANALYST", "COMPUTE_WH", "SALES_DB")
            .table("SALES_DB", "PUBLIC", "ORDERS", "BASE TABLE", 42, "ID NUMBER NOT NULL");
    admin = dataDir.resolve("admin.yaml");
    platform = EmbeddedPlatform.start(dataDir.resolve("data"), admin);
    ok(datadock(admin, dataDir, "tenant", "create", "-n", "engineering"));
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
    if (snowflake != null) {
      snowflake.close();
    }
  }

  /** What one {@code bin/datadock} run printed, and its exit status. */
  record Run(int exit, String out, String err) {

    /** The terminal: stdout and stderr interleaved, elapsed seconds as {@code [0000]}. */
    String terminal() {
      return masked(out);
    }
  }

  /** Runs {@code bin/datadock ARGS} in {@code workDir}, stdout and stderr apart. */
  static Run datadock(Path config, Path workDir, String... args) {
    return run(config, workDir, false, args);
  }

  /** Runs {@code bin/datadock ARGS} in {@code workDir}, stderr into stdout as on a terminal. */
  static Run terminal(Path config, Path workDir, String... args) {
    return run(config, workDir, true, args);
  }

  private static Run run(Path config, Path workDir, boolean merged, String... args) {
    Path script = Path.of(System.getProperty("basedir", ".")).resolve("../bin/datadock");
    List<String> command = new ArrayList<>(List.of(script.toAbsolutePath().normalize().toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("DATADOCK_"));
      env.put("DATADOCK_CONFIG", config.toString());
      env.put("SNOWFLAKE_PASSWORD", "sn0w$flake!");
      // the JDK running the tests, whose class-data-sharing archive the build made
      env.put(
          "PATH",
          Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + env.get("PATH"));
      builder.redirectOutput(out.toFile());
      if (merged) {
        builder.redirectErrorStream(true);
      } else {
        builder.redirectError(err.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("datadock " + String.join(" ", args) + " did not end in 60 s");
      }
      Run result =
          new Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Run ok(Run run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    return run;
  }

  /**
   * The admin creates a user of tenant {@code engineering} with these tags and an API key; the user
   * logs in with it, in a profile of their own whose tenant is {@code engineering}.
   */
  static Path userWithProfile(String id, String name, Path workDir, String... tags) {
    List<String> create =
        new ArrayList<>(List.of("user", "create", "-i", id, "-n", name, "--tenant", "engineering"));
    for (String tag : tags) {
      create.addAll(List.of("-t", tag));
    }
    ok(datadock(admin, workDir, create.toArray(String[]::new)));
    String token = ok(datadock(admin, workDir, "user", "apikey", "create", "-u", id)).out().trim();
    Path profile = workDir.resolve(id + ".yaml");
    ok(
        datadock(
            profile,
            workDir,
            "login",
            "--gateway",
            platform.gatewayUrl(),
            "--token",
            token,
            "--tenant",
            "engineering",
            "--profile",
            "engineering"));
    return profile;
  }

  /** MANIFESTS.md §1: the v2alpha secret of the guide. */
  static final String SECRET =
      """
      name: snowflake-cred
      version: v2alpha
      type: secret
      secret:
        type: key-value
        data:
          username: sales_reader
          password: ${SNOWFLAKE_PASSWORD}
      """;

  /**
   * MANIFESTS.md §4: the v2alpha depot of the guide, tenant {@code engineering}, the three purposes
   * on {@code engineering:snowflake-cred}; its url and account name the loopback {@link
   * TestSnowflakeServer}, so the live check logs in there and nowhere else.
   */
  static final String DEPOT =
      """
      name: snowflake-sales
      version: v2alpha
      type: depot
      tenant: engineering
      layer: user
      spec:
        type: snowflake
        spec: {url: "%s", account: acme, database: SALES_DB, warehouse: COMPUTE_WH, role: ANALYST}
        secrets:
          - {id: "engineering:snowflake-cred", purpose: rw}
          - {id: "engineering:snowflake-cred", purpose: scan}
          - {id: "engineering:snowflake-cred", purpose: query}
      """;

  @Test
  void theGuidesStepsInOrder() throws Exception {
    Path profile = userWithProfile(USER, "John Doe", dir, "roles:id:user", "roles:id:data-dev");
    Files.writeString(dir.resolve("snowflake-cred.yaml"), SECRET);
    Files.writeString(dir.resolve("snowflake-sales.yaml"), DEPOT.formatted(snowflake.url()));

    // 1. check that you hold the role to create secrets and depots
    Run me = ok(terminal(profile, dir, "user", "get"));
    assertThat(me.terminal()).isEqualTo(golden("walkthrough/user-get.txt"));

    // 2. does a depot for the source already exist?
    assertThat(ok(terminal(profile, dir, "resource", "get", "-t", "depot", "-a")).terminal())
        .isEqualTo(golden("get-depot-empty.txt"));

    // 3. the secret
    Run secret = ok(terminal(profile, dir, "resource", "apply", "-f", "snowflake-cred.yaml"));
    assertThat(secret.terminal()).isEqualTo(golden("apply-secret.txt"));

    // 4. the secret is active
    assertThat(ok(terminal(profile, dir, "resource", "get", "-t", "secret")).terminal())
        .isEqualTo(golden("get-secret.txt"));

    // 5. the depot
    assertThat(
            ok(terminal(profile, dir, "resource", "apply", "-f", "snowflake-sales.yaml"))
                .terminal())
        .isEqualTo(golden("apply-depot.txt"));

    // 6. active once the depot service registered it: yours, and the tenant's
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                terminal(profile, dir, "resource", "get", "-t", "depot")
                    .terminal()
                    .equals(golden("get-depot-all-after.txt")));
    assertThat(ok(terminal(profile, dir, "resource", "get", "-t", "depot", "-a")).terminal())
        .isEqualTo(golden("get-depot-all-after.txt"));
    assertThat(
            ok(terminal(
                    profile,
                    dir,
                    "resource",
                    "get",
                    "-t",
                    "depot",
                    "-n",
                    "snowflake-sales",
                    "--details"))
                .terminal()
                // the fixture's port, always five digits: the table keeps its widths
                .replace("127.0.0.1:" + snowflake.port(), "127.0.0.1:PPPPP"))
        .isEqualTo(golden("walkthrough/get-depot-details.txt"));

    // 7. the secret is a dependency of the depot: the depot first, then the secret
    Run refused =
        terminal(profile, dir, "resource", "delete", "-t", "secret", "-n", "snowflake-cred");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.terminal())
        .isEqualTo("INFO[0000] 🗑 delete...\n" + golden("error-dependency.txt"));

    assertThat(
            ok(terminal(profile, dir, "resource", "delete", "-t", "depot", "-n", "snowflake-sales"))
                .terminal())
        .isEqualTo(golden("walkthrough/delete-depot.txt"));
    Run deleted =
        terminal(profile, dir, "resource", "delete", "-t", "secret", "-n", "snowflake-cred");
    assertThat(deleted.exit()).as("no retry: " + deleted.out()).isZero();
    assertThat(deleted.terminal()).isEqualTo(golden("walkthrough/delete-secret.txt"));
  }

  @Test
  void withoutDataDevTheApplyIsForbiddenUntilAnOperatorAssignsIt() throws Exception {
    Path profile = userWithProfile("janedoetmdcio", "Jane Doe", dir, "roles:id:user");
    Files.writeString(dir.resolve("jane-cred.yaml"), SECRET.replace("snowflake-cred", "jane-cred"));

    Run forbidden = terminal(profile, dir, "resource", "apply", "-f", "jane-cred.yaml");

    assertThat(forbidden.exit()).isEqualTo(1);
    assertThat(forbidden.terminal())
        .isEqualTo(
            "INFO[0000] 🛠 apply...\n"
                + "INFO[0000] 🔧 applying jane-cred:v2alpha:secret...\n"
                + golden("error-forbidden.txt"));

    Run tagged =
        ok(
            terminal(
                admin,
                dir,
                "user",
                "tag",
                "add",
                "-i",
                "janedoetmdcio",
                "-t",
                "roles:id:data-dev"));
    assertThat(tagged.terminal())
        .isEqualTo(
            "INFO[0000] 🏷 user tag add...\n"
                + "INFO[0000] new tags: roles:id:data-dev\n"
                + "INFO[0000] 🏷 user tag add...complete\n");

    Run retried = ok(terminal(profile, dir, "resource", "apply", "-f", "jane-cred.yaml"));
    assertThat(retried.terminal())
        .isEqualTo(golden("apply-secret.txt").replace("snowflake-cred", "jane-cred"));
    ok(datadock(profile, dir, "resource", "delete", "-t", "secret", "-n", "jane-cred"));
  }
}
