package io.datadock.cli.golden;

import static io.datadock.cli.golden.Transcripts.comparable;
import static io.datadock.cli.golden.Transcripts.golden;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * datadock's golden files are DATAOS-CLI.md's transcripts but for what that page says may differ
 * (see {@link Transcripts}).
 *
 * <p>The depot listings are compared with their TYPE column free too: in the guide's samples it is
 * 8 wide for cells of at most {@code depot} (5), against the layout rule the same page states (the
 * widest cell plus a space each side, 7) and against its own secret listing, where {@code secret}
 * (6) makes it 8; those depot samples were evidently made from the secret one by hand. datadock
 * follows the rule.
 */
class GoldenFilesTest {

  @ParameterizedTest
  @CsvSource({
    "get-depot-all.txt, NAME TYPE OWNER",
    "get-secret.txt, NAME OWNER",
    "get-depot-all-after.txt, NAME TYPE OWNER",
    "apply-secret.txt, ''",
    "apply-depot.txt, ''"
  })
  void aGoldenFileIsTheGuidesTranscriptButForWhatMayDiffer(String file, String free) {
    Set<String> columns = Set.of(free.isBlank() ? new String[0] : free.split(" "));
    assertThat(comparable(golden(file), columns))
        .isEqualTo(comparable(golden("dataos/" + file), columns));
  }

  @Test
  void theErrorLinesAreTheGuidesExactly() {
    assertThat(golden("error-forbidden.txt") + golden("error-dependency.txt"))
        .isEqualTo(golden("dataos/errors.txt"));
  }

  @Test
  void theComparisonCatchesAnyOtherDifference() {
    String guide = golden("dataos/get-secret.txt");
    Set<String> free = Set.of("NAME", "OWNER");
    assertThat(comparable(guide.replace("| v2alpha |", "|v2alpha  |"), free))
        .as("a cell moved inside a fixed column")
        .isNotEqualTo(comparable(guide, free));
    assertThat(comparable(guide.replace(" snowflake-cred ", "snowflake-cred  "), free))
        .as("the leading space")
        .isNotEqualTo(comparable(guide, free));
    assertThat(comparable(guide.replace("🔍 get...complete", "🔍 get...done"), free))
        .isNotEqualTo(comparable(guide, free));
    assertThat(comparable(guide.replace("INFO[0000]", "INFO[0004]"), free))
        .as("elapsed seconds may differ")
        .isEqualTo(comparable(guide, free));
  }
}
