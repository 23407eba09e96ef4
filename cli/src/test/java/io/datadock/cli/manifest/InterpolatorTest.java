package io.datadock.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolatorTest {

  private final Interpolator interpolator =
      new Interpolator(
          Map.of("USER", "sales_reader", "PASS", "p@ss$w0rd!", "DOLLARS", "a$$b", "_X1", "one"));

  @TempDir Path dir;

  private String interpolate(String text) {
    return interpolator.interpolate(text, "m.yaml");
  }

  @Test
  void bracedAndBareVariablesAreReplaced() {
    assertThat(interpolate("u: ${USER}\nv: $USER-x\nw: ${_X1}"))
        .isEqualTo("u: sales_reader\nv: sales_reader-x\nw: one");
  }

  @Test
  void anUnsetBracedVariableIsAnErrorNamingItAndItsLine() {
    assertThatThrownBy(() -> interpolate("name: x\npassword: ${DB_PASSWORD}\n"))
        .isInstanceOf(CliException.class)
        .hasMessage("environment variable DB_PASSWORD is not set (line 2 of m.yaml)");
  }

  @Test
  void anUnsetBareVariableStaysAsWrittenSoALiteralPasswordKeepsItsDollar() {
    assertThat(interpolate("password: pa$word\nother: $NOPE_x\n"))
        .isEqualTo("password: pa$word\nother: $NOPE_x\n");
    assertThat(interpolate("password: pa$USER")).isEqualTo("password: pasales_reader");
  }

  @Test
  void valuesWithSpecialCharactersAreInsertedVerbatim() {
    assertThat(interpolate("password: \"${PASS}\"")).isEqualTo("password: \"p@ss$w0rd!\"");
    assertThat(interpolate("x: $DOLLARS")).isEqualTo("x: a$$b");
  }

  @Test
  void anythingButANameAfterTheDollarStaysLiteral() {
    assertThat(interpolate("a: $${USER} b: $$ c: 5$ d: $1 e: $ f: ${postgres-depot-name} g: ${}"))
        .isEqualTo("a: ${USER} b: $ c: 5$ d: $1 e: $ f: ${postgres-depot-name} g: ${}");
    assertThat(interpolate("h: ${USER")).isEqualTo("h: ${USER");
  }

  @Test
  void aFillMeInPlaceholderIsAnErrorNamingItAndItsLine() {
    assertThatThrownBy(() -> interpolate("name: ${{secret-name}}\n"))
        .isInstanceOf(CliException.class)
        .hasMessage("fill in ${{secret-name}} at line 1 of m.yaml");
    assertThatThrownBy(
            () ->
                interpolate(
                    "name: pg\n# your depot\nspec:\n  secrets:\n"
                        + "    - {id: \"${{tenant}}:${{secret}}\", purpose: rw}\n"))
        .hasMessage("fill in ${{tenant}} at line 5 of m.yaml");
  }

  @Test
  void commentsAreLeftAloneWhateverTheyHold() {
    String template =
        """
        # name: ${postgres-depot-name}   (replace ${{...}} and $UNSET before applying)
        name: pg  # ${DB_NAME} is not read here
        description: John's depot # $USER stays
          # indented ${{comment}}
        password: ${PASS}#not-a-comment
        """;
    assertThat(interpolate(template))
        .isEqualTo(
            """
            # name: ${postgres-depot-name}   (replace ${{...}} and $UNSET before applying)
            name: pg  # ${DB_NAME} is not read here
            description: John's depot # $USER stays
              # indented ${{comment}}
            password: p@ss$w0rd!#not-a-comment
            """);
  }

  @Test
  void aHashInsideQuotesOrABlockScalarIsNotAComment() {
    assertThat(interpolate("a: \"x #${USER}\"\nb: 'it''s #$USER' # ${GONE}\n"))
        .isEqualTo("a: \"x #sales_reader\"\nb: 'it''s #sales_reader' # ${GONE}\n");
    assertThat(interpolate("a: \"line one\n  # ${USER}\"\n"))
        .as("a double-quoted scalar spans lines")
        .isEqualTo("a: \"line one\n  # sales_reader\"\n");
    assertThat(interpolate("key: |\n  -----BEGIN # ${USER}\n\n  end\nnext: 1 # ${GONE}\n"))
        .isEqualTo("key: |\n  -----BEGIN # sales_reader\n\n  end\nnext: 1 # ${GONE}\n");
  }

  @Test
  void disabledInterpolationLeavesTheTextAlone() throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "name: x\npassword: ${UNSET_VAR}\n");
    assertThat(ManifestFiles.read(file, false, null).get(0).body().get("password"))
        .isEqualTo("${UNSET_VAR}");
  }
}
