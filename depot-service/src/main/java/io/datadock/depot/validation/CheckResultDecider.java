package io.datadock.depot.validation;

import io.datadock.core.resource.ResourceStatus;
import io.datadock.depot.lifecycle.DepotDecision;
import io.datadock.depot.lifecycle.DepotEvents;
import io.datadock.depot.lifecycle.DepotTransitions;
import io.datadock.depot.saga.Saga;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationResult;
import java.util.List;

/**
 * A finished connection check, applied to its depot: {@code active} (and {@code DepotActivated},
 * again on every passing re-check) or {@code error} naming the failing step. A result for an older
 * check (the depot was re-applied, or its secret changed or went away meanwhile), or a repeated one
 * (a check redone after the validator restarted), or one for a depot being deleted, changes
 * nothing.
 */
public final class CheckResultDecider {

  public DepotDecision decide(DepotState current, ValidationResult result) {
    if (current == null
        || result.getCheckId() != current.getCheckId()
        || (current.getCheck() != null && current.getCheck().getCheckId() == result.getCheckId())
        || !Saga.allGranted(current)
        || ResourceStatus.DELETING.is(current.getStatus())) {
      return DepotDecision.ignore();
    }
    long at = Math.max(result.getCheckedAt(), current.getUpdatedAt());
    DepotState.Builder next =
        DepotState.newBuilder(current)
            .setCheck(result)
            .setResourceVersion(current.getResourceVersion() + 1)
            .setUpdatedAt(at);
    if (result.getPassed()) {
      String caveat =
          result.getVerified()
              ? null
              : "connection not verified: no live check for " + current.getSpec().getSourceType();
      DepotState active =
          next.setStatus(ResourceStatus.ACTIVE.wireName()).setMessage(caveat).build();
      return DepotDecision.put(
          active,
          List.of(
              DepotEvents.of(
                  DepotEventType.DEPOT_ACTIVATED,
                  active,
                  DepotEvents.derivedId(active),
                  DepotTransitions.SYSTEM,
                  at,
                  current.getCheckReason(),
                  result.getVerified())),
          null,
          List.of(),
          null);
    }
    return DepotTransitions.fail(current, next.build(), failureMessage(result), at);
  }

  static String failureMessage(ValidationResult result) {
    return result.getSteps().stream()
        .filter(s -> "failed".equals(s.getStatus()))
        .findFirst()
        .map(s -> "connection check failed at '" + s.getName() + "': " + s.getMessage())
        .orElse("connection check failed");
  }
}
