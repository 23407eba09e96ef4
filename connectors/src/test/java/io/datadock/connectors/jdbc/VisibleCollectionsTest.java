package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibleCollectionsTest {

  @Test
  void systemCollectionsAndNullsAreLeftOutTheRestSortedIgnoringCase() {
    List<String> names = Arrays.asList("sales", "pg_catalog", null, "Audit", "information_schema");

    assertThat(
            VisibleCollections.of(
                names, n -> n.startsWith("pg_") || n.equals("information_schema")))
        .containsExactly("Audit", "sales");
  }

  @Test
  void theListStepNamesAtMostFiveAndCountsTheRest() {
    assertThat(VisibleCollections.describe(List.of(), "schema")).isEqualTo("0 schemas visible");
    assertThat(VisibleCollections.describe(List.of("a"), "database"))
        .isEqualTo("1 database visible: a");
    assertThat(VisibleCollections.describe(List.of("a", "b", "c", "d", "e"), "schema"))
        .isEqualTo("5 schemas visible: a, b, c, d, e");
    assertThat(VisibleCollections.describe(List.of("a", "b", "c", "d", "e", "f", "g"), "schema"))
        .isEqualTo("7 schemas visible: a, b, c, d, e and 2 more");
  }
}
