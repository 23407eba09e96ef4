package io.datadock.secret.resolution;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveRequest;
import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.secret.internal.Callers;
import io.datadock.secret.internal.Callers.Caller;
import io.datadock.secret.internal.InternalReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Credential resolution, the only way plaintext leaves secret-service ({@link ResolutionWire}): a
 * request from a known caller (a service token, or a user's API key holding {@code read-secret} or
 * {@code unsanitize-resource}), answered by the instance owning the secret's partition (another
 * instance forwards once). Every answer, allowed or refused, is recorded first; without the record
 * there is no answer ({@link AccessAuditor.AuditUnavailableException} propagates).
 */
public final class CredentialResolution {

  static final String MALFORMED =
      "body must be {\"secret\": \"<resource key>\", \"purpose\": \"rw|scan|query\"}";

  static final String MOVING = "the secret's partition is moving between instances; retry";

  private final HostInfo self;
  private final Callers callers;
  private final AccessRecorder audit;
  private final SecretPartitions partitions;
  private final OwnerForwarder forwarder;
  private final BiFunction<SealedPayload, byte[], byte[]> opener;

  public CredentialResolution(
      HostInfo self,
      Callers callers,
      AccessRecorder audit,
      SecretPartitions partitions,
      OwnerForwarder forwarder,
      BiFunction<SealedPayload, byte[], byte[]> opener) {
    this.self = self;
    this.callers = callers;
    this.audit = audit;
    this.partitions = partitions;
    this.forwarder = forwarder;
    this.opener = opener;
  }

  /**
   * @param body the request's JSON
   * @param authorization its {@code Authorization} header, or null
   * @param forwarded whether another instance forwarded it here
   */
  public InternalReply resolve(byte[] body, String authorization, boolean forwarded) {
    Optional<ResolveRequest> parsed = ResolutionWire.readRequest(body);
    if (parsed.isEmpty()) {
      return InternalReply.malformed(MALFORMED);
    }
    ResolveRequest request = parsed.get();
    String key = request.secret();
    Optional<Caller> caller = callers.identify(authorization);
    if (caller.isEmpty()) {
      return refused(
          request,
          "anonymous",
          AccessOutcome.UNAUTHENTICATED,
          "no or unknown token",
          InternalReply.unauthenticated("a service or read-secret token is required"));
    }
    String who = caller.get().id();
    Optional<Purpose> purpose = Purpose.parse(request.purpose());
    if (purpose.isEmpty()) {
      return refused(
          request,
          who,
          AccessOutcome.DENIED,
          "unknown purpose",
          InternalReply.malformed(
              "unknown purpose '"
                  + request.purpose()
                  + "', expected rw, scan, query or unsanitize"));
    }
    Optional<String> refusal =
        caller.get().user() == null
            ? Optional.empty()
            : UserAccess.refusal(caller.get().user(), key, purpose.get());
    if (refusal.isPresent()) {
      return refused(
          request,
          who,
          AccessOutcome.DENIED,
          refusal.get(),
          InternalReply.forbidden(refusal.get()));
    }
    if (purpose.get() == Purpose.UNSANITIZE && !who.startsWith("user:")) {
      return refused(
          request,
          who,
          AccessOutcome.DENIED,
          "only users may unsanitize",
          InternalReply.forbidden("only users holding unsanitize-resource may read values"));
    }
    Optional<HostInfo> owner;
    try {
      owner = partitions.owner(key);
    } catch (PartitionMovingException e) {
      return InternalReply.unavailable(MOVING);
    }
    if (owner.isEmpty()) {
      return InternalReply.unavailable("the secret's partition has no active owner yet; retry");
    }
    if (!owner.get().equals(self)) {
      return forwarded
          ? InternalReply.unavailable(
              "the secret's owner moved while the request was forwarded; retry")
          : forwarder.forward(owner.get(), body, authorization);
    }
    String depot = request.depot();
    return answerLocally(key, depot == null ? who : who + " for " + depot, depot, purpose.get());
  }

  private InternalReply refused(
      ResolveRequest request,
      String caller,
      AccessOutcome outcome,
      String reason,
      InternalReply reply) {
    audit.record(request.secret(), caller, request.purpose(), outcome, reason, List.of());
    return reply;
  }

  private InternalReply answerLocally(String key, String caller, String depot, Purpose purpose) {
    Resolution.Answer answer;
    try {
      answer = Resolution.decide(key, partitions.read(key), purpose, depot, opener);
    } catch (PartitionMovingException e) {
      return InternalReply.unavailable(MOVING);
    } catch (SealingException e) {
      answer =
          new Resolution.Answer(
              AccessOutcome.DENIED, "the stored secret cannot be opened", Map.of());
    }
    audit.record(
        key, caller, purpose.wire(), answer.outcome(), answer.reason(), answer.handedOut());
    return switch (answer.outcome()) {
      case ALLOWED ->
          InternalReply.answer(
              new ResolveAnswer(key, purpose.wire(), answer.fields(), answer.files()));
      case NOT_FOUND -> InternalReply.notFound(answer.reason());
      default -> InternalReply.forbidden(answer.reason());
    };
  }
}
