package io.datadock.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The operator's object budgets: one for every depot, others for named depots. */
class ScanBudgetsTest {

  @Test
  void aNamedDepotHasItsOwnBudgetAndEveryOtherTheOperatorsOne() {
    ScanBudgets budgets = ScanBudgets.parse(100_000, " sales/lake=500000, sales/tmp=1000 ");

    assertThat(budgets.of("sales", "lake")).isEqualTo(500_000);
    assertThat(budgets.of("sales", "tmp")).isEqualTo(1_000);
    assertThat(budgets.of("other", "lake")).isEqualTo(100_000);
    assertThat(budgets.of("sales", "elsewhere")).isEqualTo(100_000);
  }

  @Test
  void blankNamesNoDepot() {
    assertThat(ScanBudgets.parse(7, "").byDepot()).isEmpty();
    assertThat(ScanBudgets.parse(7, null).of("a", "b")).isEqualTo(7);
  }

  @Test
  void aBadEntryIsRefusedNamingIt() {
    assertThatThrownBy(() -> ScanBudgets.parse(10, "lake=5"))
        .hasMessage("not <tenant>/<depot>=<objects>: \"lake=5\"");
    assertThatThrownBy(() -> ScanBudgets.parse(10, "a/b/c=5"))
        .hasMessage("not <tenant>/<depot>=<objects>: \"a/b/c=5\"");
    assertThatThrownBy(() -> ScanBudgets.parse(10, "sales/lake=many"))
        .hasMessage("the budget of sales/lake is not a number: \"many\"");
    assertThatThrownBy(() -> ScanBudgets.parse(10, "sales/lake=0"))
        .hasMessage("the budget of sales/lake must be at least 1: 0");
    assertThatThrownBy(() -> ScanBudgets.parse(10, "sales/lake=1,sales/lake=2"))
        .hasMessage("depot sales/lake is named twice");
  }
}
