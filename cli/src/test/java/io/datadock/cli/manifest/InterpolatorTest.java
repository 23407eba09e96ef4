package io.datadock.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.cli.CliException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

  private final Interpolator interpolator =
      new Interpolator(Map.of("USER", "sales_reader", "PASS", "p@ss$w0rd!", "DOLLARS", "a$$b"));

  @Test
  void bracedAndBareVariablesAreReplaced() {
    assertThat(interpolator.interpolate("u: ${USER}\nv: $USER-x", "m.yaml"))
        .isEqualTo("u: sales_reader\nv: sales_reader-x");
  }

  @Test
  void anUnsetVariableIsAnErrorNamingIt() {
    assertThatThrownBy(() -> interpolator.interpolate("password: ${DB_PASSWORD}", "m.yaml"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("DB_PASSWORD")
        .hasMessageContaining("m.yaml");
    assertThatThrownBy(() -> interpolator.interpolate("password: $NOPE", "m.yaml"))
        .hasMessageContaining("NOPE");
  }

  @Test
  void valuesWithSpecialCharactersAreInsertedVerbatim() {
    assertThat(interpolator.interpolate("password: \"${PASS}\"", "m.yaml"))
        .isEqualTo("password: \"p@ss$w0rd!\"");
    assertThat(interpolator.interpolate("x: $DOLLARS", "m.yaml")).isEqualTo("x: a$$b");
  }

  @Test
  void doubleDollarIsALiteralDollarAndALoneDollarIsKept() {
    assertThat(interpolator.interpolate("a: $${USER} b: $$ c: 5$ d: $1", "m.yaml"))
        .isEqualTo("a: ${USER} b: $ c: 5$ d: $1");
  }

  @Test
  void disabledInterpolationLeavesTheTextAlone() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("interp");
    java.nio.file.Path file = dir.resolve("m.yaml");
    java.nio.file.Files.writeString(file, "name: x\npassword: ${UNSET_VAR}\n");
    assertThat(ManifestFiles.read(file, false, null).get(0).body().get("password"))
        .isEqualTo("${UNSET_VAR}");
  }
}
