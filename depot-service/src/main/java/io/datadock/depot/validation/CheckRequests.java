package io.datadock.depot.validation;

import io.datadock.depot.lifecycle.DepotKeys;
import io.datadock.schemas.depot.DepotReference;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the connection check for a depot, naming the secret whose credentials the check uses: the
 * one serving {@code rw} (an {@code rw} instance secret), else {@code scan}, else {@code query}.
 */
public final class CheckRequests {

  private static final List<String> PREFERENCE = List.of("rw", "scan", "query");

  private CheckRequests() {}

  public static ValidationRequest of(DepotState state, long at) {
    ValidationRequest.Builder request =
        ValidationRequest.newBuilder()
            .setDepotKey(DepotKeys.of(state.getSpec()))
            .setCheckId(state.getCheckId())
            .setSourceType(state.getSpec().getSourceType())
            .setConnection(state.getSpec().getConnection())
            .setReason(state.getCheckReason() == null ? "applied" : state.getCheckReason())
            .setRequestedAt(at);
    Optional<DepotReference> chosen =
        state.getReferences().stream().min(Comparator.comparingInt(CheckRequests::rank));
    chosen.ifPresent(
        ref ->
            request
                .setCredentialSecret(ref.getSecretKey())
                .setCredentialPurpose(
                    rank(ref) < PREFERENCE.size() ? PREFERENCE.get(rank(ref)) : "scan")
                .setCredentialKeys(ref.getKeys()));
    return request.build();
  }

  /** Lower is preferred: the index of the best purpose the reference serves. */
  private static int rank(DepotReference ref) {
    Set<String> purposes = Set.copyOf(effectivePurposes(ref));
    for (int i = 0; i < PREFERENCE.size(); i++) {
      if (purposes.contains(PREFERENCE.get(i))) {
        return i;
      }
    }
    return PREFERENCE.size();
  }

  /**
   * The purposes a reference serves: as declared (tenant shape), or by the instance secret's acl
   * ({@code rw} serves rw; {@code r} serves scan and query).
   */
  public static List<String> effectivePurposes(DepotReference ref) {
    if (!ref.getPurposes().isEmpty()) {
      return ref.getPurposes();
    }
    if ("rw".equals(ref.getAcl())) {
      return List.of("rw");
    }
    if ("r".equals(ref.getAcl())) {
      return List.of("scan", "query");
    }
    return List.of();
  }
}
