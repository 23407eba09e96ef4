package io.datadock.secret.resolution;

import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.lifecycle.SecretDecider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The decision of one resolution, pure: who may have which fields of which secret for which
 * purpose. Opening the payload is the caller's function, so tests need no key.
 */
public final class Resolution {

  /**
   * The answer: fields and files only when allowed; reason names why not, never a value.
   *
   * @param fields the values by the secret type's semantics ({@link ResolvedFields#of})
   * @param files every file of the secret, base64, under its name, for the purposes that connect to
   *     a source ({@code rw}, {@code scan}, {@code query}): a key-value secret's TLS root
   *     certificate, client key or JSON key file; empty for {@code unsanitize}, whose fields hold
   *     the files already
   */
  public record Answer(
      AccessOutcome outcome, String reason, Map<String, String> fields, Map<String, String> files) {

    public Answer(AccessOutcome outcome, String reason, Map<String, String> fields) {
      this(outcome, reason, fields, Map.of());
    }

    /**
     * What the audit records as handed out: the field names, and each file as {@code file:<name>}.
     */
    public List<String> handedOut() {
      List<String> names = new ArrayList<>(fields.keySet());
      files.keySet().forEach(name -> names.add("file:" + name));
      return names;
    }
  }

  private Resolution() {}

  public static Answer decide(
      String resourceKey,
      SecretState state,
      Purpose purpose,
      BiFunction<io.datadock.schemas.common.SealedPayload, byte[], byte[]> opener) {
    return decide(resourceKey, state, purpose, null, opener);
  }

  /**
   * @param depot the depot the caller resolves for, or null; when given, the depot must be a
   *     recorded dependent of the secret (its reference was granted and not released)
   */
  public static Answer decide(
      String resourceKey,
      SecretState state,
      Purpose purpose,
      String depot,
      BiFunction<io.datadock.schemas.common.SealedPayload, byte[], byte[]> opener) {
    if (state == null) {
      return new Answer(AccessOutcome.NOT_FOUND, "secret not found", Map.of());
    }
    if (depot != null && !state.getDependents().contains(depot)) {
      return new Answer(
          AccessOutcome.DENIED, "depot " + depot + " does not reference this secret", Map.of());
    }
    String acl = state.getSpec().getAcl();
    if (purpose != Purpose.UNSANITIZE && !AclPolicy.allows(acl, purpose)) {
      return new Answer(
          AccessOutcome.DENIED,
          "purpose " + purpose.wire() + " is not allowed by the secret's acl " + acl,
          Map.of());
    }
    byte[] plaintext =
        opener.apply(state.getSpec().getSealed(), SecretDecider.associatedData(resourceKey));
    SecretPayloads.Decoded payload = SecretPayloads.decode(plaintext);
    if (purpose == Purpose.UNSANITIZE) {
      return new Answer(AccessOutcome.ALLOWED, null, ResolvedFields.raw(payload));
    }
    return new Answer(
        AccessOutcome.ALLOWED,
        null,
        ResolvedFields.of(state.getSpec().getSecretType(), payload),
        ResolvedFields.files(payload));
  }
}
