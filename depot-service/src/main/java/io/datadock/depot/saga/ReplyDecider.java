package io.datadock.depot.saga;

import io.datadock.core.resource.ResourceStatus;
import io.datadock.depot.lifecycle.DepotDecision;
import io.datadock.depot.lifecycle.DepotTransitions;
import io.datadock.schemas.depot.DepotReference;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceReplyType;
import java.util.ArrayList;
import java.util.List;

/**
 * secret-service's answers and notices, applied to the depot they are keyed by. A reply of an older
 * round (the depot was re-applied meanwhile) or for a secret the depot no longer references changes
 * nothing. An acknowledged release ({@code RELEASED}) goes to {@link Releases}; a deleting depot
 * heeds nothing else.
 */
public final class ReplyDecider {

  public DepotDecision decide(DepotState current, ReferenceReply reply) {
    if (current == null) {
      return DepotDecision.ignore();
    }
    if (reply.getType() == ReferenceReplyType.RELEASED) {
      return Releases.acknowledged(current, reply);
    }
    int index = indexOf(current, reply.getSecretKey());
    if (index < 0 || ResourceStatus.DELETING.is(current.getStatus())) {
      // A deleting depot only waits for its releases: a force-deleted secret still acknowledges
      // the release (secret-service answers every release), a grant or a change matters no more.
      return DepotDecision.ignore();
    }
    return switch (reply.getType()) {
      case GRANTED, DENIED -> answered(current, index, reply);
      case SECRET_CHANGED -> secretChanged(current, index, reply);
      case SECRET_DELETED -> secretDeleted(current, index, reply);
      case RELEASED -> throw new IllegalStateException("handled above");
    };
  }

  private DepotDecision answered(DepotState current, int index, ReferenceReply reply) {
    DepotReference ref = current.getReferences().get(index);
    if (reply.getRound() != current.getRound() || !ReferenceState.PENDING.is(ref.getState())) {
      return DepotDecision.ignore();
    }
    boolean granted = reply.getType() == ReferenceReplyType.GRANTED;
    DepotReference answered =
        DepotReference.newBuilder(ref)
            .setState(
                granted ? ReferenceState.GRANTED.wireName() : ReferenceState.DENIED.wireName())
            .setReason(reply.getReason())
            .setAcl(reply.getAcl())
            .setSecretGeneration(reply.getSecretGeneration())
            .build();
    DepotState state = withReference(current, index, answered, reply.getAt());
    if (!granted) {
      return DepotTransitions.fail(
          current, state, "secret reference denied: " + reply.getReason(), reply.getAt());
    }
    if (!Saga.allGranted(state)) {
      return DepotDecision.put(state, List.of(), null, List.of(), null);
    }
    Saga.Next next = Saga.allGranted(state, reply.getAt(), "secret references granted");
    if (next.failure() != null) {
      return DepotTransitions.fail(current, next.state(), next.failure(), reply.getAt());
    }
    return DepotDecision.put(next.state(), List.of(), null, next.requests(), next.validation());
  }

  /**
   * Credential rotation: a referenced secret's data changed, so the connection is checked again.
   */
  private DepotDecision secretChanged(DepotState current, int index, ReferenceReply reply) {
    if (!Saga.allGranted(current)) {
      return DepotDecision.ignore(); // the running round checks with the new data anyway
    }
    DepotReference ref =
        DepotReference.newBuilder(current.getReferences().get(index))
            .setSecretGeneration(reply.getSecretGeneration())
            .build();
    DepotState state = withReference(current, index, ref, reply.getAt());
    Saga.Next next = Saga.allGranted(state, reply.getAt(), reply.getReason());
    if (next.failure() != null) {
      return DepotTransitions.fail(current, next.state(), next.failure(), reply.getAt());
    }
    return DepotDecision.put(next.state(), List.of(), null, next.requests(), next.validation());
  }

  private DepotDecision secretDeleted(DepotState current, int index, ReferenceReply reply) {
    DepotReference ref =
        DepotReference.newBuilder(current.getReferences().get(index))
            .setState(ReferenceState.DENIED.wireName())
            .setReason(reply.getReason())
            .build();
    DepotState state = withReference(current, index, ref, reply.getAt());
    // A check still running used the deleted secret: its result must not activate the depot.
    state.setCheckId(state.getCheckId() + 1);
    state.setCheckReason(null);
    return DepotTransitions.fail(current, state, reply.getReason(), reply.getAt());
  }

  private static DepotState withReference(
      DepotState current, int index, DepotReference ref, long at) {
    List<DepotReference> references = new ArrayList<>(current.getReferences());
    references.set(index, ref);
    return DepotState.newBuilder(current)
        .setReferences(references)
        .setResourceVersion(current.getResourceVersion() + 1)
        .setUpdatedAt(Math.max(at, current.getUpdatedAt()))
        .build();
  }

  private static int indexOf(DepotState state, String secretKey) {
    List<DepotReference> references = state.getReferences();
    for (int i = 0; i < references.size(); i++) {
      if (references.get(i).getSecretKey().equals(secretKey)) {
        return i;
      }
    }
    return -1;
  }
}
