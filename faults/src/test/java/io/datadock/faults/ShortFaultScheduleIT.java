package io.datadock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.schedule.FaultInjector;
import io.datadock.faults.schedule.FaultKind;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fault schedule of CI: 3 brokers, two instances of each service, two gateways, every
 * fault kind once under a seeded mixed workload; the history checker must find nothing lost,
 * duplicated or contradicted.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ShortFaultScheduleIT {

  @TempDir Path dir;

  @Test
  void everyFaultKindOnceLosesDuplicatesAndContradictsNothing() throws Exception {
    FaultRun.Report report = FaultRun.run(FaultRun.Options.shortRun(dir, 18));
    System.out.print("ShortFaultScheduleIT\n" + report.text());

    assertThat(report.faults().stream().map(f -> f.fault().kind()))
        .containsExactlyInAnyOrder(FaultKind.values());
    assertThat(report.verdict().acknowledged()).isPositive();
    assertThat(report.verdict().violations()).as(report.verdict().report()).isEmpty();
    for (FaultInjector.Injected fault : report.faults()) {
      assertThat(fault.healedNanos()).isGreaterThan(fault.startedNanos());
    }
  }
}
