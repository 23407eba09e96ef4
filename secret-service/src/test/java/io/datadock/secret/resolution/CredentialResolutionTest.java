package io.datadock.secret.resolution;

import static io.datadock.secret.resolution.TestSecrets.PLAIN;
import static io.datadock.secret.resolution.TestSecrets.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.identity.Principal;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveError;
import io.datadock.core.resolution.ResolveRequest;
import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.internal.Callers;
import io.datadock.secret.internal.InternalReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The resolution's decisions and audit, with the store, the audit and the callers in memory. */
class CredentialResolutionTest {

  private static final HostInfo SELF = new HostInfo("localhost", 1);
  private static final String SERVICE = "Bearer service-token";
  private static final String ALICE = "Bearer alice-key";
  private static final Principal ALICE_USER =
      new Principal("alice", "Alice", "person", Set.of("t"), Set.of(), Set.of("read-secret"));

  record Audit(
      String key,
      String caller,
      String purpose,
      AccessOutcome outcome,
      String reason,
      List<String> fields) {}

  private final List<Audit> audits = new ArrayList<>();
  private final MemoryPartitions partitions = new MemoryPartitions(SELF);
  private BiFunction<SealedPayload, byte[], byte[]> opener = (p, a) -> PLAIN;

  private final CredentialResolution resolution =
      new CredentialResolution(
          SELF,
          new Callers(
              Map.of("service-token", "service:depot-service"),
              key -> key.equals("alice-key") ? Optional.of(ALICE_USER) : Optional.empty()),
          (key, caller, purpose, outcome, reason, fields) ->
              audits.add(new Audit(key, caller, purpose, outcome, reason, List.copyOf(fields))),
          partitions,
          new OwnerForwarder(SELF),
          (p, a) -> opener.apply(p, a));

  @Test
  void anAllowedAnswerHoldsFieldsAndFilesAndTheAuditNamesTheDepot() {
    SecretState granted = state("secret", "key-value", null);
    granted.setDependents(List.of("t/depot/d"));
    partitions.store.put("t/secret/x", granted);

    InternalReply reply = resolve(new ResolveRequest("t/secret/x", "scan", "t/depot/d"), SERVICE);

    assertThat(reply.status()).isEqualTo(200);
    ResolveAnswer answer = ResolutionWire.readAnswer(reply.body()).orElseThrow();
    assertThat(answer.secret()).isEqualTo("t/secret/x");
    assertThat(answer.purpose()).isEqualTo("scan");
    assertThat(answer.fields()).containsEntry("password", "p w").containsEntry("username", "u");
    assertThat(answer.files()).containsExactly(Map.entry("ca.pem", "QQ=="));
    assertThat(audits)
        .containsExactly(
            new Audit(
                "t/secret/x",
                "service:depot-service for t/depot/d",
                "scan",
                AccessOutcome.ALLOWED,
                null,
                List.of("password", "username", "file:ca.pem")));
  }

  @Test
  void aMalformedBodyIsRefusedBeforeAnythingIsAudited() {
    InternalReply reply = resolution.resolve(bytes("{\"secret\":\"t/secret/x\"}"), SERVICE, false);

    assertThat(error(reply, 400).message()).isEqualTo(CredentialResolution.MALFORMED);
    assertThat(audits).isEmpty();
  }

  @Test
  void anUnknownTokenIsUnauthenticatedAndAuditedAsAnonymous() {
    InternalReply reply = resolve(ResolveRequest.of("t/secret/x", "rw"), "Bearer nope");

    assertThat(error(reply, 401))
        .isEqualTo(
            new ResolveError("unauthenticated", "a service or read-secret token is required"));
    assertThat(audits)
        .containsExactly(
            new Audit(
                "t/secret/x",
                "anonymous",
                "rw",
                AccessOutcome.UNAUTHENTICATED,
                "no or unknown token",
                List.of()));
  }

  @Test
  void anUnknownPurposeIsMalformedAndAuditedAsSent() {
    InternalReply reply = resolve(ResolveRequest.of("t/secret/x", "steal"), SERVICE);

    assertThat(error(reply, 400).message())
        .isEqualTo("unknown purpose 'steal', expected rw, scan, query or unsanitize");
    assertThat(audits)
        .extracting(Audit::purpose, Audit::outcome, Audit::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("steal", AccessOutcome.DENIED, "unknown purpose"));
  }

  @Test
  void aUserResolvesOnlyInTheirTenantAndOnlyUsersUnsanitize() {
    partitions.store.put("t/secret/x", state("secret", "key-value", null));
    partitions.store.put("u/secret/x", state("secret", "key-value", null));

    assertThat(resolve(ResolveRequest.of("t/secret/x", "rw"), ALICE).status()).isEqualTo(200);
    assertThat(audits.get(0).caller()).isEqualTo("user:alice");
    assertThat(error(resolve(ResolveRequest.of("u/secret/x", "rw"), ALICE), 403).message())
        .isEqualTo("forbidden: user is not a member of tenant 'u'");
    assertThat(error(resolve(ResolveRequest.of("t/secret/x", "unsanitize"), SERVICE), 403))
        .isEqualTo(
            new ResolveError(
                "forbidden", "only users holding unsanitize-resource may read values"));
    assertThat(audits)
        .extracting(Audit::outcome, Audit::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AccessOutcome.ALLOWED, null),
            org.assertj.core.groups.Tuple.tuple(
                AccessOutcome.DENIED, "forbidden: user is not a member of tenant 'u'"),
            org.assertj.core.groups.Tuple.tuple(AccessOutcome.DENIED, "only users may unsanitize"));
  }

  @Test
  void aMissingSecretIsNotFoundAndAnUnopenableOneForbidden() {
    assertThat(error(resolve(ResolveRequest.of("t/secret/none", "rw"), SERVICE), 404).message())
        .isEqualTo("secret not found");
    partitions.store.put("t/secret/x", state("secret", "key-value", null));
    opener =
        (p, a) -> {
          throw new SealingException("no private key k to open the payload");
        };
    assertThat(error(resolve(ResolveRequest.of("t/secret/x", "rw"), SERVICE), 403).message())
        .isEqualTo("the stored secret cannot be opened");
    assertThat(audits)
        .extracting(Audit::outcome)
        .containsExactly(AccessOutcome.NOT_FOUND, AccessOutcome.DENIED);
  }

  @Test
  void withoutAnOwnerOrWhenTheOwnerMovedUnderAForwardTheCallerRetries() {
    partitions.owner = Optional.empty();
    assertThat(error(resolve(ResolveRequest.of("t/secret/x", "rw"), SERVICE), 503).message())
        .isEqualTo("the secret's partition has no active owner yet; retry");

    partitions.owner = Optional.of(new HostInfo("localhost", 2));
    InternalReply moved =
        resolution.resolve(
            ResolutionWire.write(ResolveRequest.of("t/secret/x", "rw")), SERVICE, true);
    assertThat(error(moved, 503).message())
        .isEqualTo("the secret's owner moved while the request was forwarded; retry");
    assertThat(audits).isEmpty();
  }

  @Test
  void withoutTheAuditThereIsNoAnswer() {
    partitions.store.put("t/secret/x", state("secret", "key-value", null));
    CredentialResolution failClosed =
        new CredentialResolution(
            SELF,
            new Callers(Map.of("service-token", "service:x"), key -> Optional.empty()),
            (key, caller, purpose, outcome, reason, fields) -> {
              throw new AccessAuditor.AuditUnavailableException();
            },
            partitions,
            new OwnerForwarder(SELF),
            (p, a) -> PLAIN);

    assertThatThrownBy(
            () ->
                failClosed.resolve(
                    ResolutionWire.write(ResolveRequest.of("t/secret/x", "rw")), SERVICE, false))
        .isInstanceOf(AccessAuditor.AuditUnavailableException.class);
  }

  private InternalReply resolve(ResolveRequest request, String authorization) {
    return resolution.resolve(ResolutionWire.write(request), authorization, false);
  }

  private static ResolveError error(InternalReply reply, int status) {
    assertThat(reply.status()).isEqualTo(status);
    return ResolutionWire.readError(reply.body()).orElseThrow();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
