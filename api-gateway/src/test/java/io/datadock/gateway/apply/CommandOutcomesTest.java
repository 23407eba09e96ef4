package io.datadock.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CommandOutcomesTest {

  private static final ResourceKey KEY = ResourceKey.of("acme", ResourceKind.DEPOT, "orders");

  private static CommandResult.Builder reply(Outcome outcome) {
    return CommandResult.newBuilder()
        .setCommandId("c-1")
        .setResourceKey(KEY.toString())
        .setOutcome(outcome)
        .setProcessedAt(1L);
  }

  @Test
  void anAppliedCommandAnswersWithItsOutcomeStatusAndVersion() {
    DocumentResult r =
        CommandOutcomes.applied(
            KEY,
            "v2alpha",
            reply(Outcome.CREATED).setStatus("pending").setResourceVersion(3L).build());

    assertThat(r.failed()).isFalse();
    assertThat(r.outcome()).isEqualTo("created");
    assertThat(r.status()).isEqualTo("pending");
    assertThat(r.resourceVersion()).isEqualTo(3L);
    assertThat(r.name()).isEqualTo("orders");
    assertThat(r.version()).isEqualTo("v2alpha");
  }

  @Test
  void aCommandOnlyTheBrokerAcknowledgedIsAccepted() {
    DocumentResult r =
        CommandOutcomes.applied(KEY, "v1", reply(Outcome.CREATED).setStatus("accepted").build());

    assertThat(r.outcome()).isEqualTo("accepted");
  }

  @Test
  void aRejectionCarriesTheServicesCodeMessageAndField() {
    CommandResult rejected =
        reply(Outcome.REJECTED)
            .setErrorCode("conflict")
            .setMessage("resourceVersion 2 expected, 3 found")
            .setField("resourceVersion")
            .build();

    for (DocumentResult r :
        new DocumentResult[] {
          CommandOutcomes.applied(KEY, "v1", rejected), CommandOutcomes.deleted(KEY, "v1", rejected)
        }) {
      assertThat(r.failed()).isTrue();
      assertThat(r.error().code()).isEqualTo(ErrorCode.CONFLICT);
      assertThat(r.error()).hasMessage("resourceVersion 2 expected, 3 found");
      assertThat(r.error().field()).isEqualTo("resourceVersion");
    }
    assertThat(CommandOutcomes.rejection(reply(Outcome.DELETED).build())).isNull();
  }

  @Test
  void aDeleteAnswersDeletedWithTheLastVersion() {
    DocumentResult r =
        CommandOutcomes.deleted(
            KEY, "v1", reply(Outcome.DELETED).setStatus("deleted").setResourceVersion(9L).build());

    assertThat(r.outcome()).isEqualTo("deleted");
    assertThat(r.resourceVersion()).isEqualTo(9L);
  }

  @Test
  void aFailureWrappingADatadockExceptionIsThatException() {
    DatadockException timeout = new DatadockException(ErrorCode.TIMEOUT, "no reply in 10 s");

    DocumentResult r =
        CommandOutcomes.failed(KEY, "v1", new CompletionException(new RuntimeException(timeout)));

    assertThat(r.error()).isSameAs(timeout);
  }

  @Test
  void anyOtherFailureIsInternalAndNamesOnlyTheExceptionsClass() {
    DocumentResult r =
        CommandOutcomes.failed(
            KEY, "v1", new CompletionException(new TimeoutException("password=hunter2")));

    assertThat(r.error().code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(r.error()).hasMessage("the command failed: TimeoutException");
  }
}
