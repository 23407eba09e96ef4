package io.datadock.connectors;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.PERMISSION;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckRunTest {

  @Test
  void stepsAfterAFailureAreSkipped() {
    CheckReport report =
        new CheckRun(Credentials.none(), REACH, AUTHENTICATE, LIST, PERMISSION)
            .pass(REACH, "reached h:1")
            .fail(AUTHENTICATE, "authentication failed for user 'u'");

    assertThat(ReportAssertions.statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    ReportAssertions.assertSkippedAfterFailure(report);
    assertThat(report.passed()).isFalse();
    assertThat(report.firstFailure()).map(CheckStep::name).contains(AUTHENTICATE);
  }

  @Test
  void allPassedIsPassed() {
    CheckReport report =
        new CheckRun(Credentials.none(), REACH, LIST).pass(REACH, "ok").pass(LIST, "ok").report();
    assertThat(report.passed()).isTrue();
    assertThat(report.firstFailure()).isEmpty();
  }

  @Test
  void stepsMustComeInThePlannedOrder() {
    CheckRun run = new CheckRun(Credentials.none(), REACH, AUTHENTICATE);
    assertThatThrownBy(() -> run.pass(AUTHENTICATE, "too early"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void messagesNeverCarryACredentialValue() {
    Credentials credentials =
        new Credentials(Map.of("username", "alice", "password", "s3cr3t-Pw"), Map.of());
    CheckReport report =
        new CheckRun(credentials, REACH)
            .fail(REACH, "FATAL: login with s3cr3t-Pw refused for alice");
    assertThat(report.steps().get(0).message())
        .isEqualTo("FATAL: login with *** refused for alice");
  }
}
