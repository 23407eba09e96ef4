package io.datadock.connectors.file;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.statuses;
import static io.datadock.connectors.ReportAssertions.step;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckTest {

  @TempDir Path dir;
  private final FileCheck check = new FileCheck();

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("orders.csv"), "id\n1\n");
    Files.writeString(dir.resolve("customers.CSV"), "id\n1\n");
    Files.writeString(dir.resolve("events.json"), "{}");
    Files.createDirectory(dir.resolve("2024"));
  }

  @Test
  void aReadableDirectoryPassesAndCountsFilesOfItsFormat() {
    CheckReport report = check(dir.toString(), "csv");

    assertThat(report.passed()).isTrue();
    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, AUTHENTICATE).message()).startsWith("no credentials needed");
    assertThat(step(report, LIST).message()).isEqualTo("2 csv files and 1 folder");
  }

  @Test
  void withoutAFormatEveryFileCounts() {
    assertThat(step(check(dir.toString(), null), LIST).message()).isEqualTo("3 files and 1 folder");
  }

  @Test
  void aMissingPathFailsToReach() {
    Path missing = dir.resolve("nope");
    CheckReport report = check(missing.toString(), null);

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message()).isEqualTo("path " + missing + " does not exist");
    assertSkippedAfterFailure(report);
  }

  @Test
  void aPathOutsideTheRootsFailsToReach(@TempDir Path outside) throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("way-out"), outside);

    CheckReport report = check(outside.toString(), null);
    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("path " + outside + " is outside the allowed file roots");
    assertThat(step(check(link.toString(), null), REACH).message())
        .isEqualTo("path " + link + " is outside the allowed file roots");
    // the link inside the root leads out: it is not counted either
    assertThat(step(check(dir.toString(), null), LIST).message()).isEqualTo("3 files and 1 folder");
  }

  @Test
  void aFileIsNotADirectory() {
    CheckReport report = check(dir.resolve("orders.csv").toString(), null);
    assertThat(step(report, REACH).message()).endsWith("is not a directory");
  }

  @Test
  void anUnknownFormatFailsTheListing() {
    CheckReport report = check(dir.toString(), "avro");
    assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED);
  }

  @Test
  void anUnreadableDirectoryFailsAuthentication() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads every directory anyway");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      CheckReport report = check(locked.toString(), null);
      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private CheckReport check(String path, String format) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("path", path);
    fields.put("format", format);
    return check.check(
        new SourceConnection("file", fields),
        Credentials.none(),
        Duration.ofSeconds(10),
        TestEgress.local(dir));
  }
}
