package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanPatternTest {

  @Test
  void catastrophicBacktrackingPatternsMatchInLinearTime() {
    String name = "a".repeat(5_000) + "b";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(ScanPattern.matchesWhole(ScanPattern.compile("(a|aa)+$"), name)).isFalse();
          assertThat(ScanPattern.matchesWhole(ScanPattern.compile("(a+)+c"), name)).isFalse();
          assertThat(ScanPattern.matchesWhole(ScanPattern.compile("(a+)+b"), name)).isTrue();
        });
  }

  @Test
  void theWholeNameMustMatch() {
    Pattern sales = ScanPattern.compile("sales.*");
    assertThat(ScanPattern.matchesWhole(sales, "sales_eu")).isTrue();
    assertThat(ScanPattern.matchesWhole(sales, "presales")).isFalse();
    assertThat(ScanPattern.matchesWhole(ScanPattern.compile("hr"), "hr2")).isFalse();
  }

  @Test
  void backreferencesAndLookaroundDoNotCompile() {
    assertThatThrownBy(() -> ScanPattern.compile("(a)\\1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("is not a valid regular expression for linear-time matching")
        .hasMessageEndingWith("invalid escape sequence: `\\1`");
    assertThatThrownBy(() -> ScanPattern.compile("(?=a)a"))
        .hasMessageContaining("invalid or unsupported Perl syntax");
    assertThatThrownBy(() -> ScanPattern.compile("a++"))
        .hasMessageContaining("invalid nested repetition operator");
    assertThatThrownBy(() -> ScanPattern.compile("(unclosed"))
        .hasMessageContaining("missing closing )");
  }

  @Test
  void patternsAreBoundedInLengthAndExpansion() {
    assertThat(ScanPattern.compile("x".repeat(256))).isNotNull();
    assertThatThrownBy(() -> ScanPattern.compile("x".repeat(257)))
        .hasMessage("is longer than 256 characters");
    assertThat(ScanPattern.compile("tmp_[0-9]{8}_.{0,1000}")).isNotNull();
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> ScanPattern.compile("((a{100}){100}){100}"))
                .hasMessageStartingWith("repeats too much"));
    assertThatThrownBy(() -> ScanPattern.compile("(?:(?i)x{100}){0}(y{100}){100}"))
        .hasMessageStartingWith("repeats too much");
  }

  @Test
  void theSizeEstimateReadsGroupsClassesAndEscapes() {
    assertThat(RegexSize.estimate("abc")).isEqualTo(3);
    assertThat(RegexSize.estimate("a|bc")).isEqualTo(3);
    assertThat(RegexSize.estimate("[a-z]{10}")).isEqualTo(10);
    assertThat(RegexSize.estimate("(ab){10}")).isEqualTo(20);
    assertThat(RegexSize.estimate("(?P<n>ab){2,5}")).isEqualTo(10);
    assertThat(RegexSize.estimate("(?i)a{3,}")).isEqualTo(4);
    assertThat(RegexSize.estimate("[)(]{10}")).isEqualTo(10);
    assertThat(RegexSize.estimate("\\Q(((\\E{10}")).isEqualTo(30);
    assertThat(RegexSize.estimate("\\p{Greek}{10}")).isEqualTo(10);
    assertThat(RegexSize.estimate("a{x}")).as("a literal brace").isEqualTo(4);
    assertThat(RegexSize.estimate("((a{10}){10}){10}")).isEqualTo(1_000);
  }
}
