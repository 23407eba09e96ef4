package io.datadock.connectors.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFilterTest {

  @Test
  void allKeepsEverything() {
    assertThat(ScanFilter.all().collection("anything")).isTrue();
    assertThat(ScanFilter.all().dataset("any", "thing")).isTrue();
    assertThat(ScanFilter.fromJson(null)).isEqualTo(ScanFilter.all());
    assertThat(ScanFilter.fromJson("  ")).isEqualTo(ScanFilter.all());
    assertThat(ScanFilter.fromJson("{}")).isEqualTo(ScanFilter.all());
  }

  @Test
  void includeKeepsOnlyFullMatchesAndExcludeAlwaysDrops() {
    ScanFilter filter =
        new ScanFilter(List.of("sales.*", "hr"), List.of("sales_tmp"), List.of(), List.of());

    assertThat(filter.collection("sales")).isTrue();
    assertThat(filter.collection("sales_eu")).isTrue();
    assertThat(filter.collection("hr")).isTrue();
    assertThat(filter.collection("hr2")).as("full match, not find").isFalse();
    assertThat(filter.collection("presales")).isFalse();
    assertThat(filter.collection("sales_tmp")).as("exclude wins").isFalse();
  }

  @Test
  void datasetPatternsMatchTheNameOrTheQualifiedNameAndNeedTheCollection() {
    ScanFilter filter =
        new ScanFilter(
            List.of(), List.of("staging"), List.of("orders", "crm\\.customers"), List.of());

    assertThat(filter.dataset("sales", "orders")).isTrue();
    assertThat(filter.dataset("crm", "customers")).isTrue();
    assertThat(filter.dataset("sales", "customers")).isFalse();
    assertThat(filter.dataset("staging", "orders")).as("collection excluded").isFalse();

    ScanFilter excluding =
        new ScanFilter(List.of(), List.of(), List.of(), List.of("tmp_.*", "sales\\.old"));
    assertThat(excluding.dataset("sales", "tmp_1")).isFalse();
    assertThat(excluding.dataset("sales", "old")).isFalse();
    assertThat(excluding.dataset("crm", "old")).isTrue();
    assertThat(excluding.dataset("crm", "orders")).isTrue();
  }

  @Test
  void fromJsonReadsTheScanBlock() {
    ScanFilter filter =
        ScanFilter.fromJson(
            """
            {"collections": {"include": ["sales", "crm"], "exclude": ["crm_old"]},
             "datasets": {"include": [], "exclude": ["tmp_.*"]}}
            """);

    assertThat(filter)
        .isEqualTo(
            new ScanFilter(
                List.of("sales", "crm"), List.of("crm_old"), List.of(), List.of("tmp_.*")));
    assertThat(ScanFilter.fromJson("{\"datasets\": {\"include\": \"orders\"}}").includeDatasets())
        .as("a single string is a list of one")
        .containsExactly("orders");
    assertThat(ScanFilter.fromJson("{\"collections\": null}")).isEqualTo(ScanFilter.all());
  }

  @Test
  void aBadRegexIsNamed() {
    assertThatThrownBy(() -> ScanFilter.fromJson("{\"datasets\": {\"exclude\": [\"ok\", \"[a\"]}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "invalid regex in datasets.exclude: '[a' is not a valid regular expression for"
                + " linear-time matching")
        .hasMessageContaining("missing closing ]");
    assertThatThrownBy(() -> new ScanFilter(List.of("(x"), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid regex in collections.include: '(x'");
  }

  @Test
  void backtrackingPatternsMatchLongNamesInLinearTime() {
    ScanFilter filter =
        new ScanFilter(List.of("(a|aa)+$"), List.of("(a+)+b"), List.of(), List.of("(x+x+)+y"));
    String name = "a".repeat(5_000) + "b";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(filter.collection(name)).isFalse();
          assertThat(filter.dataset("a".repeat(5_000), "x".repeat(5_000)))
              .as("kept: (a|aa)+$ matches its collection, (x+x+)+y does not match it")
              .isTrue();
        });
  }

  @Test
  void patternsRe2CannotRunInLinearTimeAreRefused() {
    assertThatThrownBy(() -> new ScanFilter(List.of("(a)\\1"), List.of(), List.of(), List.of()))
        .hasMessageContaining("invalid escape sequence");
    assertThatThrownBy(() -> new ScanFilter(List.of(), List.of("(?!tmp).*"), List.of(), List.of()))
        .hasMessageStartingWith("invalid regex in collections.exclude: '(?!tmp).*' is not a valid");
    assertThatThrownBy(
            () -> new ScanFilter(List.of(), List.of(), List.of("x".repeat(257)), List.of()))
        .hasMessageEndingWith("is longer than 256 characters");
    assertThatThrownBy(
            () ->
                new ScanFilter(List.of(), List.of(), List.of(), Collections.nCopies(101, "tmp_.*")))
        .hasMessage("too many patterns in datasets.exclude: 101, at most 100");
  }

  @Test
  void aScanBlockOfTheWrongShapeIsRefused() {
    assertThatThrownBy(() -> ScanFilter.fromJson("{\"collections\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("scan block is not valid JSON");
    assertThatThrownBy(() -> ScanFilter.fromJson("[1]"))
        .hasMessage("scan must be a JSON object with collections, datasets");
    assertThatThrownBy(() -> ScanFilter.fromJson("{\"include\": [\"x\"]}"))
        .hasMessage("unknown key 'include' in scan (expected collections, datasets)");
    assertThatThrownBy(() -> ScanFilter.fromJson("{\"datasets\": {\"only\": [\"x\"]}}"))
        .hasMessage("unknown key 'only' in datasets (expected exclude, include)");
    assertThatThrownBy(() -> ScanFilter.fromJson("{\"datasets\": {\"include\": [1]}}"))
        .hasMessage("datasets.include must be a list of regular expressions, found 1");
  }
}
