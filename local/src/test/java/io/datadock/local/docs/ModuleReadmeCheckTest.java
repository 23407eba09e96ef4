package io.datadock.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README check on two small modules of its own: {@code scanner} builds on {@code kafka}. */
class ModuleReadmeCheckTest {

  @TempDir Path root;
  private ModuleReadmeCheck check;

  @BeforeEach
  void modules() throws Exception {
    write(
        "scanner/src/main/java/io/datadock/scanner/scan/ScanJob.java",
        "package io.datadock.scanner.scan;\nimport java.util.concurrent.ExecutorService;\n"
            + "public final class ScanJob {\n  record Outcome() {}\n  void scan() {}\n}\n");
    write(
        "kafka/src/main/java/io/datadock/kafka/TopicTail.java",
        "package io.datadock.kafka;\npublic final class TopicTail { void sync() {} }\n");
    write(
        "kafka/src/main/avro/Dataset.avsc",
        "{\"type\": \"record\", \"name\": \"Dataset\", \"namespace\": \"io.datadock.schemas\"}");
    check =
        new ModuleReadmeCheck(
            "scanner",
            ModuleSources.read(root.resolve("scanner")),
            List.of(ModuleSources.read(root.resolve("kafka"))));
  }

  private void write(String path, String text) throws Exception {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), text);
  }

  private List<String> problems(String readme) {
    return check.problems(new Markdown(readme));
  }

  @Test
  void namesOfTheModuleWhatItBuildsOnItsImportsAndTheJdkPass() {
    assertThat(
            problems(
                "- `scan`: `ScanJob`, `scan.ScanJob.scan`, `ScanJob.Outcome`, `Outcome`\n"
                    + "`TopicTail.sync`, `io.datadock.kafka`, `Dataset`, `ExecutorService`,"
                    + " `IllegalArgumentException`, `java.sql.DriverManager`, `HttpURLConnection`\n"
                    + "Not names: `DEPOT_ACTIVATED`, `Retry-After`, `KRaft`, `GET /api`,"
                    + " `catalog.datasets`\n"))
        .isEmpty();
  }

  @Test
  void aRenamedClassIsCaught() {
    assertThat(problems("The job is `ScanWork`.\n"))
        .containsExactly(
            "scanner/README.md:1: `ScanWork` is no type of scanner or what it builds on");
  }

  @Test
  void aRenamedMemberIsCaught() {
    assertThat(problems("`TopicTail.await`\n"))
        .containsExactly(
            "scanner/README.md:1: `TopicTail.await` names await, which TopicTail does not have");
  }

  @Test
  void aQualifierMustMatchThePackage() {
    assertThat(problems("`model.ScanJob`\n"))
        .containsExactly(
            "scanner/README.md:1: `model.ScanJob` is no type of scanner or what it builds on");
  }

  @Test
  void aMovedPackageIsCaught() {
    assertThat(problems("- `jobs`: the scans\n`io.datadock.scanner.work`\n"))
        .containsExactly(
            "scanner/README.md:1: `jobs` is no package of scanner",
            "scanner/README.md:2: `io.datadock.scanner.work` is no package of scanner or what it"
                + " builds on");
  }

  @Test
  void aPackageListItemMustBeTheModulesOwn() {
    assertThat(problems("- `kafka`: not this module's\n"))
        .containsExactly("scanner/README.md:1: `kafka` is no package of scanner");
  }
}
