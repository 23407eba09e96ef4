package io.datadock.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.config.Setting;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The environment table of {@code docs/operations/deploy.md} is {@link Setting}, row for row:
 * variable, default, who reads it, what the launcher does with it, meaning. A variable added to one
 * and not the other, or a default changed in one, fails here; the message holds the rows the enum
 * gives, to paste.
 */
class EnvironmentTableTest {

  private static final String SECTION = "## Environment";

  @Test
  void theDocumentedTableIsTheSettingEnum() throws Exception {
    String deploy =
        Files.readString(
            Repository.ofModuleUnderTest().root().resolve("docs/operations/deploy.md"));

    Map<String, List<String>> documented = rows(deploy);
    Map<String, List<String>> declared = new LinkedHashMap<>();
    for (Setting setting : Setting.values()) {
      declared.put(setting.variable(), cells(setting));
    }

    assertThat(documented)
        .as("docs/operations/deploy.md's table; the enum's rows:%n%s", table())
        .containsExactlyEntriesOf(declared);
  }

  /** The table's rows under the Environment heading, by variable, each row's cells. */
  static Map<String, List<String>> rows(String markdown) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        inSection = line.trim().equals(SECTION);
      } else if (inSection && line.startsWith("| `")) {
        String[] parts = line.trim().split("\\|", -1);
        List<String> cells = Arrays.stream(parts, 1, parts.length - 1).map(String::trim).toList();
        rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
      }
    }
    return rows;
  }

  private static List<String> cells(Setting setting) {
    List<String> cells = new ArrayList<>();
    cells.add(setting.documentedDefault());
    cells.add(
        setting.readers().stream().map(Setting.Reader::label).collect(Collectors.joining(", ")));
    cells.add(setting.launcher());
    cells.add(setting.meaning());
    return cells;
  }

  private static String table() {
    StringBuilder table = new StringBuilder();
    for (Setting setting : Setting.values()) {
      table.append("| `").append(setting.variable()).append("` | ");
      table.append(String.join(" | ", cells(setting))).append(" |\n");
    }
    return table.toString();
  }
}
