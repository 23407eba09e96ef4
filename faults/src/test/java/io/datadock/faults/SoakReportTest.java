package io.datadock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoakReportTest {

  private static final long MINUTE = 60_000_000_000L;

  private static Operation op(long invoked, Type type, String key, Outcome outcome) {
    long completed = outcome == Outcome.UNKNOWN ? Long.MAX_VALUE : invoked + 1_000_000;
    return new Operation(invoked, "c1", type, key, invoked, completed, outcome, 1);
  }

  @Test
  void theErrorsAreToldByMinuteAndByRequest() {
    List<Operation> history =
        List.of(
            op(10, Type.APPLY, "default/secret/s-1", Outcome.CREATED),
            op(19 * MINUTE + 5, Type.APPLY, "default/depot/d-1", Outcome.UNKNOWN),
            op(19 * MINUTE + 7, Type.APPLY, "default/depot/d-2", Outcome.UNKNOWN),
            op(19 * MINUTE + 9, Type.DELETE, "default/depot/d-3", Outcome.UNKNOWN),
            op(20 * MINUTE + 1, Type.APPLY, "default/secret/s-2", Outcome.UNKNOWN));
    SoakReport report =
        new SoakReport(
            history,
            Map.of(
                19 * MINUTE + 5,
                "504",
                19 * MINUTE + 7,
                "504",
                20 * MINUTE + 1,
                "ConnectException"),
            Set.of(),
            21 * MINUTE,
            new Verdict(5, 1, List.of()),
            List.of(),
            List.of(),
            0,
            Map.of());

    assertThat(report.errors()).isEqualTo(4);
    assertThat(report.errorsByMinute())
        .isEqualTo("20: depot APPLY 504 2, depot DELETE ? 1; 21: secret APPLY ConnectException 1");
    assertThat(report.text()).contains("errors by minute: 20: depot APPLY 504 2");
  }

  @Test
  void aRequestTheOtherGatewayAnsweredIsNoErrorThoughItsFirstAttemptStaysUnknown() {
    Operation refused = op(5 * MINUTE, Type.APPLY, "default/secret/s-1", Outcome.UNKNOWN);
    Operation retried = op(5 * MINUTE + 3, Type.APPLY, "default/secret/s-1", Outcome.UPDATED);
    Operation timedOut = op(6 * MINUTE, Type.DELETE, "default/depot/d-1", Outcome.UNKNOWN);
    SoakReport report =
        new SoakReport(
            List.of(refused, retried, timedOut),
            Map.of(refused.id(), "ConnectException", timedOut.id(), "504"),
            Set.of(refused.id()),
            7 * MINUTE,
            new Verdict(3, 1, List.of()),
            List.of(),
            List.of(),
            0,
            Map.of());

    assertThat(report.errors()).isEqualTo(1);
    assertThat(report.errorsByMinute()).isEqualTo("7: depot DELETE 504 1");
    assertThat(report.text()).contains("errors=1 ", "answered on the other gateway=1,");
  }
}
