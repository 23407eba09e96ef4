package io.datadock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.disk.Tmpfs;
import io.datadock.faults.history.Violation;
import io.datadock.faults.schedule.FaultInjector;
import io.datadock.faults.schedule.FaultKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fault schedule of CI: 3 brokers, two instances of each service, two gateways, every
 * fault kind once under a seeded mixed workload (about 2.5 minutes); the history checker must find
 * no answer lost, duplicated or contradicted. A full disk needs the right to mount a file system:
 * where there is none the run leaves FILL_DISK out and this test says so.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ShortFaultScheduleIT {

  @TempDir static Path dir;
  static FaultRun.Report report;

  @BeforeAll
  static void runTheShortSchedule() throws Exception {
    report = FaultRun.run(FaultRun.Options.shortRun(dir, 18));
    System.out.print("ShortFaultScheduleIT\n" + report.text());
  }

  @Test
  void everyFaultKindRanAndWasHealed() {
    // the operator actions (key rotation, replay) run in the full schedule and the soak only
    List<FaultKind> expected =
        FaultKind.faults().stream()
            .filter(k -> k != FaultKind.FILL_DISK || report.skipped().isEmpty())
            .toList();
    assertThat(report.faults().stream().map(f -> f.fault().kind()))
        .containsExactlyInAnyOrderElementsOf(expected);
    for (FaultInjector.Injected fault : report.faults()) {
      assertThat(fault.healedNanos()).isGreaterThan(fault.startedNanos());
    }
  }

  @Test
  void aFullDiskRanWhereverThisMachineLetsTheHarnessMount() {
    Optional<String> refused = Tmpfs.notPermitted(dir.resolve("probe-of-the-test"));
    if (refused.isEmpty()) {
      assertThat(report.faults().stream().map(f -> f.fault().kind())).contains(FaultKind.FILL_DISK);
    } else {
      System.out.println("ShortFaultScheduleIT: FILL_DISK could not run here: " + refused.get());
      assertThat(report.skipped()).isPresent();
    }
  }

  @Test
  void noAnswerIsLostDuplicatedOrContradicted() {
    assertThat(report.verdict().acknowledged()).isPositive();
    List<Violation> answers =
        report.verdict().violations().stream()
            .filter(v -> v.rule() != Violation.Rule.DIGEST_DIFFERS)
            .toList();
    assertThat(answers).as(report.verdict().report()).isEmpty();
  }

  @Test
  void aReplayOfDepotServiceRebuildsTheSameState() {
    assertThat(digestDifferences("depot")).isEmpty();
  }

  @Test
  void aReplayOfSecretServiceRebuildsTheSameState() {
    assertThat(digestDifferences("secret")).isEmpty();
  }

  private static List<Violation> digestDifferences(String service) {
    return report.verdict().violations().stream()
        .filter(v -> v.rule() == Violation.Rule.DIGEST_DIFFERS && v.key().equals(service))
        .toList();
  }
}
