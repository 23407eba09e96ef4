package io.datadock.secret.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallersTest {

  private static final Principal ALICE =
      new Principal("alice", "Alice", "person", Set.of("t"), Set.of(), Set.of("read-secret"));

  private final Callers callers =
      new Callers(
          Map.of("svc-token", "service:depot", "admin-token", "user:admin"),
          key -> key.equals("alice-key") ? Optional.of(ALICE) : Optional.empty());

  @Test
  void aConfiguredBearerTokenNamesItsCallerWhateverTheSchemesCase() {
    assertThat(callers.configured("Bearer svc-token")).hasValue("service:depot");
    assertThat(callers.configured("bearer  admin-token ")).hasValue("user:admin");
    assertThat(callers.identify("BEARER svc-token"))
        .hasValue(new Callers.Caller("service:depot", null));
  }

  @Test
  void anUnknownMissingOrNonBearerTokenIsNoConfiguredCaller() {
    assertThat(callers.configured(null)).isEmpty();
    assertThat(callers.configured("Bearer nope")).isEmpty();
    assertThat(callers.configured("Basic svc-token")).isEmpty();
    assertThat(callers.configured("svc-token")).isEmpty();
  }

  @Test
  void aUsersApiKeyIsVerifiedByTheDirectory() {
    assertThat(callers.identify("Bearer alice-key"))
        .hasValue(new Callers.Caller("user:alice", ALICE));
    assertThat(callers.configured("Bearer alice-key")).as("not a configured token").isEmpty();
    assertThat(callers.identify("Bearer unknown-key")).isEmpty();
    assertThat(callers.identify("Bearer ")).isEmpty();
    assertThat(callers.identify(null)).isEmpty();
  }
}
